import type { Clip } from './project'
import { usesShotDurations } from './shot-durations'

/** For each caption line of a clip made of timed shots: the shot it starts in, and where that shot started. */
export type CaptionAnchors = Map<string, { shotId: string; shotStart: number }>

/** Where each shot of a customize multi-shot clip starts; null for a clip whose shots have no durations of their own. */
function shotStarts(clip: Clip): Map<string, number> | null {
  if (!usesShotDurations(clip)) return null
  const starts = new Map<string, number>()
  let start = 0
  for (const shot of clip.shots) {
    starts.set(shot.id, start)
    start += shot.duration
  }
  return starts
}

/** Records which shot each line belongs to, before an edit that may retime, reorder or remove shots. */
export function captionAnchors(clip: Clip): CaptionAnchors | null {
  const starts = shotStarts(clip)
  if (!starts || !clip.captions?.length) return null
  const anchors: CaptionAnchors = new Map()
  for (const line of clip.captions) {
    let owner: { shotId: string; shotStart: number } | null = null
    for (const [shotId, shotStart] of starts) if (shotStart <= line.startSeconds) owner = { shotId, shotStart }
    if (owner) anchors.set(line.id, owner)
  }
  return anchors
}

/**
 * Moves each line by as much as its shot moved, so a shot's captions stay with it when a shot before it grows or
 * shrinks, or the shots are reordered. Lines of a removed shot, or of a clip no longer timed by its shots, stay put.
 */
export function moveCaptionsWithShots(clip: Clip, anchors: CaptionAnchors): void {
  const starts = shotStarts(clip)
  if (!starts) return
  for (const line of clip.captions ?? []) {
    const anchor = anchors.get(line.id)
    const now = anchor ? starts.get(anchor.shotId) : undefined
    if (anchor === undefined || now === undefined || now === anchor.shotStart) continue
    const delta = Math.max(now - anchor.shotStart, -line.startSeconds)
    line.startSeconds = toMs(line.startSeconds + delta)
    line.endSeconds = toMs(Math.min(60, line.endSeconds + delta))
  }
}

const toMs = (seconds: number): number => Math.round(seconds * 1000) / 1000
