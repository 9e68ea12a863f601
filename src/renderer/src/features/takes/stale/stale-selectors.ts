import { finalTakeStatuses, type Clip, type Element } from '../../../../../shared/domain/project'
import { diffRequests } from '../../../../../shared/takes/request-diff'
import { clipRequestNow, staleSince, type StaleClip } from '../../../../../shared/takes/stale-clip'
import { takesOf } from '../../../store/indexes'
import { selectClipById } from '../../../store/selectors'
import type { Store } from '../../../store/types'

type Cached = { elements: readonly Element[]; takes: Store['takes']; result: StaleClip | null }

// Per clip object: an edit makes a new object for the clip it touches only, so a keystroke re-diffs that clip alone.
const cache = new WeakMap<Clip, Cached>()

function staleOf(clip: Clip, s: Store): StaleClip | null {
  if (!s.doc) return null
  const hit = cache.get(clip)
  if (hit && hit.elements === s.doc.elements && hit.takes === s.takes) return hit.result
  const result = staleSince(clip, { elements: s.doc.elements, takes: s.takes })
  cache.set(clip, { elements: s.doc.elements, takes: s.takes, result })
  return result
}

/** A clip's "changed since take N": the same object until the clip, the elements or the takes change. */
export const selectStaleSince = (clipId: string | null) => (s: Store): StaleClip | null => {
  const clip = selectClipById(clipId)(s)
  return clip ? staleOf(clip, s) : null
}

/** A take of exactly what the clip holds now is queued or out already: generating it again would pay twice. */
function alreadyOnItsWay(clip: Clip, s: Store): boolean {
  const mine = takesOf(s.takes, clip.id).filter((take) => !finalTakeStatuses.includes(take.status))
  if (mine.length === 0 || !s.doc) return false
  const now = clipRequestNow(clip, s.doc)
  return mine.some((take) => diffRequests(take.request, now).length === 0)
}

let last: { clips: readonly Clip[]; elements: readonly Element[]; takes: Store['takes']; ids: string[] } | null = null

/**
 * Stale clips in timeline order, for "Generate what changed", leaving out those whose new take is on its way.
 * Kept until the clips, elements or takes change: the Generate menu asks on every store change.
 */
export function staleClipIds(s: Store): string[] {
  if (!s.doc) return []
  const { clips, elements } = s.doc
  if (last?.clips === clips && last.elements === elements && last.takes === s.takes) return last.ids
  const ids = clips.filter((clip) => staleOf(clip, s) !== null && !alreadyOnItsWay(clip, s)).map((clip) => clip.id)
  last = { clips, elements, takes: s.takes, ids }
  return ids
}
