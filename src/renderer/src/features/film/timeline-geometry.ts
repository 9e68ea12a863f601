import type { CutPlan } from '../../../../shared/cut/cut-plan'

/** Where clip `index` and its time span (the shot track, between the first- and last-frame slots) sit on the track. */
export interface ClipBox {
  left: number
  width: number
  timeLeft: number
  timeWidth: number
}

/**
 * Reads the timeline's clip boxes from the DOM, in content coordinates of the scrolling track: the timeline owns
 * its layout (widths follow each clip's duration at the current zoom), the player only overlays it. The track
 * mounts only the clips near the view (and always the one playing), so the array has holes for the others.
 */
export function measureClips(track: HTMLElement): ClipBox[] {
  const origin = track.getBoundingClientRect().left - track.scrollLeft
  const boxes: ClipBox[] = []
  for (const clip of track.querySelectorAll<HTMLElement>('.tl-clip')) {
    const box = clip.getBoundingClientRect()
    const span = clip.querySelector<HTMLElement>('.tl-shots')?.getBoundingClientRect() ?? box
    boxes[Number(clip.dataset.clipIndex)] = { left: box.left - origin, width: box.width, timeLeft: span.left - origin, timeWidth: span.width }
  }
  return boxes
}

/** The x of film time `seconds` on the timeline: inside its clip's span, in proportion to the clip's real length. */
export function xOfTime(plan: CutPlan, boxes: readonly ClipBox[], index: number, seconds: number): number | null {
  const entry = plan.entries[index]
  const box = boxes[index]
  if (!entry || !box) return null
  const fraction = entry.durationSeconds > 0 ? Math.min(1, Math.max(0, (seconds - entry.startSeconds) / entry.durationSeconds)) : 0
  return box.timeLeft + fraction * box.timeWidth
}

/** The film time under x on the timeline: the clip under it (or the nearest), at the same proportion of its span. */
export function timeOfX(plan: CutPlan, boxes: readonly ClipBox[], x: number): number | null {
  let nearest = -1
  let distance = Number.POSITIVE_INFINITY
  boxes.forEach((box, index) => {
    const away = x < box.left ? box.left - x : x > box.left + box.width ? x - box.left - box.width : 0
    if (away < distance && plan.entries[index]) [nearest, distance] = [index, away]
  })
  const entry = plan.entries[nearest]
  const box = boxes[nearest]
  if (!entry || !box) return null
  const fraction = box.timeWidth > 0 ? Math.min(1, Math.max(0, (x - box.timeLeft) / box.timeWidth)) : 0
  return entry.startSeconds + fraction * entry.durationSeconds
}
