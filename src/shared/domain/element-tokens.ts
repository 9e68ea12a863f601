import { elementToken, elementTokenPattern } from './api-rules'

/** A prompt split for display: plain text, or a chip for `<<<element_N>>>`. */
export type PromptSegment = { kind: 'text'; text: string } | { kind: 'element'; n: number }

type TokenMatch = { start: number; end: number; n: number }

export function findTokens(text: string): TokenMatch[] {
  // A fresh RegExp each time: the shared global pattern carries `lastIndex` between calls.
  const pattern = new RegExp(elementTokenPattern.source, 'g')
  return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length, n: Number(m[1]) }))
}

export function parsePromptSegments(text: string): PromptSegment[] {
  const segments: PromptSegment[] = []
  let cursor = 0
  for (const token of findTokens(text)) {
    if (token.start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, token.start) })
    segments.push({ kind: 'element', n: token.n })
    cursor = token.end
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) })
  return segments
}

/** A prompt as a person reads it: each `<<<element_N>>>` as `@Name` (`@element N` when there is no Nth element). */
export function promptWithElementNames(text: string, nameOf: (n: number) => string | undefined): string {
  return parsePromptSegments(text)
    .map((segment) => (segment.kind === 'text' ? segment.text : `@${nameOf(segment.n) ?? `element ${segment.n}`}`))
    .join('')
}

/** Every element number the text references, in order of appearance (repeats kept). */
export function elementTokenNumbers(text: string): number[] {
  return findTokens(text).map((token) => token.n)
}

/** Inserts the token for element `n` at `position`; a position inside an existing token moves past it so
 * tokens are never split. */
export function insertElementToken(text: string, position: number, n: number): string {
  let at = Math.min(Math.max(0, Math.trunc(position)), text.length)
  const inside = findTokens(text).find((token) => at > token.start && at < token.end)
  if (inside) at = inside.end
  return text.slice(0, at) + elementToken(n) + text.slice(at)
}

const closesPhrase = /[\s.,;:!?)\]]/

/**
 * Rewrites every token through `remap`: a number renumbers it, `null` deletes it. When a deleted token
 * stood between spaces, one space goes with it so the prose does not end up with a double gap.
 */
export function remapElementTokens(text: string, remap: (n: number) => number | null): string {
  const tokens = findTokens(text)
  if (tokens.length === 0) return text
  let out = ''
  let cursor = 0
  for (const token of tokens) {
    out += text.slice(cursor, token.start)
    cursor = token.end
    const next = remap(token.n)
    if (next !== null) {
      out += elementToken(next)
      continue
    }
    const following = text[token.end]
    if (out.endsWith(' ') && (following === undefined || closesPhrase.test(following))) out = out.slice(0, -1)
    else if (out === '' && following === ' ') cursor += 1
  }
  return out + text.slice(cursor)
}

/**
 * How tokens follow a change of a clip's element list: each token keeps naming the same element id.
 * Tokens of elements no longer in the list are deleted; tokens that already pointed past the old list
 * are left for validation to report, since there is no element they could follow.
 */
export function tokenRemapForElementChange(
  before: readonly string[],
  after: readonly string[],
): (n: number) => number | null {
  return (n) => {
    const id = before[n - 1]
    if (id === undefined) return n
    const index = after.indexOf(id)
    return index === -1 ? null : index + 1
  }
}
