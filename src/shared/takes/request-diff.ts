import type { Take } from '../domain/project'

/** What changed in one field that goes into a request, from a base take's request to another's. */
export type RequestChange =
  | { field: 'prompt' | 'negative_prompt'; kind: 'words'; added: string[]; removed: string[] }
  | { field: 'duration' | 'mode' | 'aspect_ratio' | 'sound' | 'shot_type'; kind: 'value'; from: string | null; to: string | null }
  | { field: 'first_frame' | 'last_frame'; kind: 'image'; from: string | null; to: string | null }
  | { field: 'elements' | 'images'; kind: 'elements'; from: number; to: number; changed: number[] }
  /** The video an edit or next shot was sent with: `take:<id>` or the user's https link (null: none). */
  | { field: 'video'; kind: 'video'; from: string | null; to: string | null }
  | { field: 'shots'; kind: 'shots'; from: number; to: number; shots: ShotChange[] }

/** One shot (1-based `number`) whose prompt words or length differ; a shot only one side has is all added or removed. */
export type ShotChange = { number: number; added: string[]; removed: string[]; durationFrom: number | null; durationTo: number | null }

type Request = Take['request']
type RequestElement = { frontal_image?: unknown; reference_images?: unknown }
type RequestShot = { prompt?: unknown; duration?: unknown }
type RequestVideo = { video_url?: unknown }

/**
 * How `other`'s request differs from `base`'s, field by field, over the snapshots takes keep (images as
 * `asset:<id>`), so "what did I change between these?" is answered from what was actually sent.
 */
export function diffRequests(base: Request, other: Request): RequestChange[] {
  const changes: RequestChange[] = []
  for (const field of ['prompt', 'negative_prompt'] as const) {
    const words = diffWords(text(base[field]), text(other[field]))
    if (words.added.length + words.removed.length > 0) changes.push({ field, kind: 'words', ...words })
  }
  for (const field of ['duration', 'mode', 'aspect_ratio', 'sound'] as const) {
    pushValue(changes, field, scalar(base[field]), scalar(other[field]))
  }
  pushValue(changes, 'shot_type', shotType(base), shotType(other))
  for (const field of ['first_frame', 'last_frame'] as const) {
    const from = assetOf(base[field])
    const to = assetOf(other[field])
    if (from !== to) changes.push({ field, kind: 'image', from, to })
  }
  const video = { from: scalar(list<RequestVideo>(base.video_list)[0]?.video_url), to: scalar(list<RequestVideo>(other.video_list)[0]?.video_url) }
  if (video.from !== video.to) changes.push({ field: 'video', kind: 'video', ...video })
  const images = diffList('images', list<unknown>(base.images).map(assetOf), list<unknown>(other.images).map(assetOf))
  if (images) changes.push(images)
  const elements = diffList('elements', list<RequestElement>(base.elements).map(elementKey), list<RequestElement>(other.elements).map(elementKey))
  if (elements) changes.push(elements)
  const shots = diffShots(list<RequestShot>(base.multi_prompt), list<RequestShot>(other.multi_prompt))
  if (shots) changes.push(shots)
  return changes
}

/** Words as a multiset: a word said twice and now once counts as one removed. Punctuation around a word is ignored. */
export function diffWords(from: string, to: string): { added: string[]; removed: string[] } {
  const before = words(from)
  const after = words(to)
  return { added: minus(after, before), removed: minus(before, after) }
}

function words(value: string): string[] {
  return value
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}<]+|[^\p{L}\p{N}>]+$/gu, ''))
    .filter((word) => word !== '')
}

function minus(items: readonly string[], take: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const item of take) counts.set(item.toLowerCase(), (counts.get(item.toLowerCase()) ?? 0) + 1)
  return items.filter((item) => {
    const left = counts.get(item.toLowerCase()) ?? 0
    if (left > 0) counts.set(item.toLowerCase(), left - 1)
    return left === 0
  })
}

/** A list compared place by place (element N, image N): which numbers differ, by each item's key. */
function diffList(field: 'elements' | 'images', from: (string | null)[], to: (string | null)[]): RequestChange | null {
  const changed: number[] = []
  for (let i = 0; i < Math.max(from.length, to.length); i++) {
    if (from[i] !== to[i]) changed.push(i + 1)
  }
  return changed.length === 0 ? null : { field, kind: 'elements', from: from.length, to: to.length, changed }
}

function diffShots(from: RequestShot[], to: RequestShot[]): RequestChange | null {
  const shots: ShotChange[] = []
  for (let i = 0; i < Math.max(from.length, to.length); i++) {
    const a = from[i]
    const b = to[i]
    const { added, removed } = diffWords(text(a?.prompt), text(b?.prompt))
    const durationFrom = a ? number(a.duration) : null
    const durationTo = b ? number(b.duration) : null
    if (added.length + removed.length > 0 || durationFrom !== durationTo) shots.push({ number: i + 1, added, removed, durationFrom, durationTo })
  }
  return shots.length === 0 ? null : { field: 'shots', kind: 'shots', from: from.length, to: to.length, shots }
}

function pushValue(changes: RequestChange[], field: Extract<RequestChange, { kind: 'value' }>['field'], from: string | null, to: string | null): void {
  if (from !== to) changes.push({ field, kind: 'value', from, to })
}

/** Single-shot requests carry no shot type; naming that "single" keeps a switch to multi-shot visible. */
function shotType(request: Request): string {
  return request.multi_shot === true ? (scalar(request.shot_type) ?? 'multi') : 'single'
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null)
const scalar = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null)
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])
const assetOf = (value: unknown): string | null => (typeof value === 'string' ? value.replace(/^asset:/, '') : null)
const elementKey = (element: RequestElement): string => JSON.stringify([assetOf(element.frontal_image), list<unknown>(element.reference_images).map(assetOf)])
