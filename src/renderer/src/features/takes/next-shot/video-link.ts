import type { Clip, Take } from '../../../../../shared/domain/project'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import { selectClipById } from '../../../store/selectors'
import type { Store } from '../../../store/types'

/**
 * Where a next shot's video comes from, as the timeline and the clip editor say it. `staleAgainst`: the source
 * clip chose another take since (as for chained frames); `missing`: the take is gone from the project.
 */
export type VideoLink =
  | { kind: 'take'; fromClip: number; fromTake: number; staleAgainst: number | null; chosenTakeId: string | null }
  | { kind: 'take-missing' }
  | { kind: 'url'; host: string }

export function videoLinkOf(clip: Clip, clips: readonly Clip[], takes: readonly Take[]): VideoLink | null {
  const source = clip.videoReference?.source
  if (!source) return null
  if (source.kind === 'url') return { kind: 'url', host: new URL(source.url).hostname }
  const take = takes.find((t) => t.id === source.takeId)
  const fromIndex = take ? clips.findIndex((c) => c.id === take.clipId) : -1
  const from = clips[fromIndex]
  if (!take || !from) return { kind: 'take-missing' }
  const chosen = from.chosenTakeId
  const staleAgainst = chosen !== null && chosen !== take.id ? takeNumberOf(takes, chosen) : null
  return { kind: 'take', fromClip: fromIndex + 1, fromTake: takeNumberOf(takes, take.id) ?? 0, staleAgainst, chosenTakeId: staleAgainst === null ? null : chosen }
}

/** The words of a link, for the timeline glyph's label and the notice. */
export function videoLinkWords(link: VideoLink): string {
  if (link.kind === 'url') return `Next shot of your video at ${link.host}`
  if (link.kind === 'take-missing') return 'Next shot of a take that is no longer in the project'
  const base = `Next shot of take ${link.fromTake} of clip ${link.fromClip}`
  return link.staleAgainst === null ? base : `${base}; take ${link.staleAgainst} is chosen there now`
}

/** A string (compared by value) so a timeline clip re-renders only when its own link changes. */
export const selectVideoLinkJson = (clipId: string) => (s: Store): string => {
  // Every mounted timeline clip runs this on each keystroke: a lookup, not a scan of the storyboard.
  const clip = selectClipById(clipId)(s)
  return clip?.videoReference ? JSON.stringify(videoLinkOf(clip, s.doc?.clips ?? [], s.takes)) : 'null'
}
