import { spansFromDurations, type ClipSpan } from '../../../../shared/audio/mix-plan'
import type { Clip } from '../../../../shared/domain/project'
import { useStore } from '../../store/store'

/** The lane's label column; film time 0 starts right of it. */
export const LANE_LABEL_PX = 112
/** How close (in pixels) a dragged item's start must come to a clip start or shot boundary to snap to it. */
export const SNAP_PX = 8

/** Clip spans as the timeline lays clips out before their takes are probed: end to end by duration. */
export const clipSpansOf = (clips: readonly Clip[]): ClipSpan[] => spansFromDurations(clips)

/** Times an item snaps to: every clip's start and end and every shot boundary inside a multi-shot clip. */
export function snapMarks(clips: readonly Clip[]): number[] {
  const marks: number[] = []
  for (const [index, span] of clipSpansOf(clips).entries()) {
    marks.push(span.startSeconds, span.startSeconds + span.durationSeconds)
    const clip = clips[index]!
    if (!clip.multiShot) continue
    let at = span.startSeconds
    for (const shot of clip.shots.slice(0, -1)) marks.push((at += shot.duration))
  }
  return marks
}

/**
 * What of the clips the lanes depend on (order, lengths, shot lengths) as one string: typing in a prompt changes
 * the clips but not this, so the lanes do not re-render on every keystroke.
 */
const timingPieces = new WeakMap<Clip, string>()
let lastTiming: { clips: readonly Clip[]; key: string } | null = null

/**
 * A string that changes when a clip's place or timing does. Asked on every store change: kept per clip list, and
 * each clip's piece per clip object, so a keystroke in one of 3,000 clips rebuilds one piece.
 */
export function clipTimingKey(clips: readonly Clip[] | undefined): string {
  if (!clips) return ''
  if (lastTiming?.clips === clips) return lastTiming.key
  const key = clips.map(timingPiece).join('|')
  lastTiming = { clips, key }
  return key
}

function timingPiece(clip: Clip): string {
  let piece = timingPieces.get(clip)
  if (piece === undefined) {
    piece = `${clip.id}:${clip.duration}${clip.multiShot ? `:${clip.shots.map((shot) => shot.duration).join(',')}` : ''}`
    timingPieces.set(clip, piece)
  }
  return piece
}

/** The spans and snap marks of the clips as they are now; `key` (clipTimingKey) only says when to read them again. */
export function clipTiming(key: string): { spans: ClipSpan[]; marks: number[] } {
  const clips = key === '' ? [] : (useStore.getState().doc?.clips ?? [])
  return { spans: clipSpansOf(clips), marks: snapMarks(clips) }
}
