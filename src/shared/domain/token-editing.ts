import { findTokens } from './element-tokens'

/**
 * Editing rules that make `<<<element_N>>>` behave as one chip inside a plain-text prompt: the caret never
 * rests inside a token, a selection never cuts one in half, and one Backspace or Delete removes it whole.
 */
export type TextEdit = { text: string; caret: number }

/** A caret that landed inside a token moves past it the way it was going (from `previous`). */
export function caretOutsideTokens(text: string, caret: number, previous: number): number {
  const token = findTokens(text).find((t) => caret > t.start && caret < t.end)
  if (!token) return caret
  if (previous <= token.start) return token.end
  if (previous >= token.end) return token.start
  return caret - token.start < token.end - caret ? token.start : token.end
}

/** The range widened to whole tokens at either end. */
export function rangeOutsideTokens(text: string, start: number, end: number): [number, number] {
  let from = start
  let to = end
  for (const token of findTokens(text)) {
    if (from > token.start && from < token.end) from = token.start
    if (to > token.start && to < token.end) to = token.end
  }
  return [from, to]
}

/**
 * What Backspace or Delete does when a token is involved: the token just before (Backspace) or after (Delete)
 * a caret goes as a whole, as does any token a selection reaches into. Null when the key needs no help.
 */
export function deleteWholeToken(text: string, start: number, end: number, key: 'Backspace' | 'Delete'): TextEdit | null {
  if (start === end) {
    const token = findTokens(text).find((t) => (key === 'Backspace' ? t.end === start : t.start === start))
    return token ? { text: text.slice(0, token.start) + text.slice(token.end), caret: token.start } : null
  }
  const [from, to] = rangeOutsideTokens(text, start, end)
  if (from === start && to === end) return null
  return { text: text.slice(0, from) + text.slice(to), caret: from }
}
