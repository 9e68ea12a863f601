import { elementToken, imageToken, videoToken } from './api-rules'

/** What a prompt token names: the clip's Nth element, its Nth reference image, or its video. */
export type TokenKind = 'element' | 'image' | 'video'

/** A prompt split for display: plain text, or a chip for `<<<element_N>>>`, `<<<image_N>>>` or `<<<video_1>>>`. */
export type PromptSegment = { kind: 'text'; text: string } | { kind: TokenKind; n: number }

type TokenMatch = { start: number; end: number; n: number; kind: TokenKind }

const tokenPattern = /<<<(element|image|video)_(\d+)>>>/g

/** Every token of every kind: each is edited as one chip. */
export function findTokens(text: string): TokenMatch[] {
  // A fresh RegExp each time: a shared global pattern carries `lastIndex` between calls.
  const pattern = new RegExp(tokenPattern.source, 'g')
  return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length, n: Number(m[2]), kind: m[1] as TokenKind }))
}

export function tokenFor(kind: TokenKind, n: number): string {
  if (kind === 'image') return imageToken(n)
  return kind === 'video' ? videoToken : elementToken(n)
}

export function parsePromptSegments(text: string): PromptSegment[] {
  const segments: PromptSegment[] = []
  let cursor = 0
  for (const token of findTokens(text)) {
    if (token.start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, token.start) })
    segments.push({ kind: token.kind, n: token.n })
    cursor = token.end
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) })
  return segments
}

/**
 * A prompt as a person reads it: each `<<<element_N>>>` as `@Name` (`@element N` when there is no Nth element),
 * reference images as `@image N` and the video as `@video`.
 */
export function promptWithElementNames(text: string, nameOf: (n: number) => string | undefined): string {
  return parsePromptSegments(text)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text
      if (segment.kind === 'element') return `@${nameOf(segment.n) ?? `element ${segment.n}`}`
      return segment.kind === 'image' ? `@image ${segment.n}` : '@video'
    })
    .join('')
}

/** Every number of one kind of token the text references, in order of appearance (repeats kept). */
export function tokenNumbers(text: string, kind: TokenKind): number[] {
  return findTokens(text).filter((token) => token.kind === kind).map((token) => token.n)
}

export const elementTokenNumbers = (text: string): number[] => tokenNumbers(text, 'element')

/** Inserts `token` at `position`; a position inside an existing token moves past it so tokens are never split. */
export function insertToken(text: string, position: number, token: string): string {
  let at = Math.min(Math.max(0, Math.trunc(position)), text.length)
  const inside = findTokens(text).find((found) => at > found.start && at < found.end)
  if (inside) at = inside.end
  return text.slice(0, at) + token + text.slice(at)
}

const closesPhrase = /[\s.,;:!?)\]]/

/**
 * Rewrites every token of one kind through `remap`: a number renumbers it, `null` deletes it. When a deleted token
 * stood between spaces, one space goes with it so the prose does not end up with a double gap.
 */
export function remapTokens(text: string, kind: TokenKind, remap: (n: number) => number | null): string {
  const tokens = findTokens(text).filter((token) => token.kind === kind)
  if (tokens.length === 0) return text
  let out = ''
  let cursor = 0
  for (const token of tokens) {
    out += text.slice(cursor, token.start)
    cursor = token.end
    const next = remap(token.n)
    if (next !== null) {
      out += tokenFor(kind, next)
      continue
    }
    const following = text[token.end]
    if (out.endsWith(' ') && (following === undefined || closesPhrase.test(following))) out = out.slice(0, -1)
    else if (out === '' && following === ' ') cursor += 1
  }
  return out + text.slice(cursor)
}

export const remapElementTokens = (text: string, remap: (n: number) => number | null): string => remapTokens(text, 'element', remap)

/**
 * How tokens follow a change of a clip's element list (or, by the same rule, its reference image list): each token keeps naming the same element id.
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
