import type { ElementChoice } from './use-element-choices'

/**
 * What the user has typed after the `@` at `at`, up to the caret; `null` once that `@` is gone, the caret
 * has moved before it, or a space or newline ends the mention.
 */
export function mentionQuery(text: string, at: number, caret: number): string | null {
  if (text[at] !== '@' || caret <= at) return null
  const query = text.slice(at + 1, caret)
  return /\s/.test(query) ? null : query
}

/** Choices whose name contains `query`, ignoring case, in the picker's usual order. */
export function matchingChoices(choices: readonly ElementChoice[], query: string): ElementChoice[] {
  const needle = query.toLocaleLowerCase()
  return choices.filter((choice) => choice.name.toLocaleLowerCase().includes(needle))
}
