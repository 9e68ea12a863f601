import type { ClipSpan } from '../../../../shared/audio/mix-plan'
import { clipOffsets, clipWidth, shotTrackLeft } from './track-layout'

/**
 * The timeline's one time↔x mapping, shared by the clip track and the sound lanes under it. x is in track content
 * pixels from the first clip's left edge. Clip cards are not a linear time axis (each carries fixed-width frame
 * slots), so time is pinned where the user sees it: a clip's start at its card's left edge, its end at the right
 * edge, each shot boundary on its drag handle, and linear in between. The gaps between cards hold no time.
 */

/** The track's gap between clip cards (timeline.css, --space-2). */
const TRACK_GAP_PX = 8
/** The track's padding before the first card (timeline.css, --space-3). */
export const TRACK_PADDING_PX = 12

/** What of a clip its place on the track depends on; `shotSeconds` only for shots drawn to scale (customize multi-shot). */
export type ClipShape = { id: string; duration: number; hasPoster: boolean; shotSeconds: readonly number[] }

/** A film time drawn at an exact x. */
export type Knot = { seconds: number; x: number }

export interface ClipLayout extends ClipSpan {
  left: number
  width: number
  /** Ascending: the card's left edge, the shot boundaries, the card's right edge. */
  knots: Knot[]
}

export interface TrackGeometry {
  clips: ClipLayout[]
  widths: number[]
  offsets: number[]
  pxPerSecond: number
  /** The right edge of the last card and the film time there. */
  endX: number
  endSeconds: number
}

export function trackGeometry(shapes: readonly ClipShape[], pxPerSecond: number): TrackGeometry {
  const widths = shapes.map((shape) => clipWidth(shape.duration, shape.hasPoster, pxPerSecond))
  const offsets = clipOffsets(widths, TRACK_GAP_PX)
  let start = 0
  const clips = shapes.map((shape, index): ClipLayout => {
    const left = offsets[index]!
    const width = widths[index]!
    const knots: Knot[] = [{ seconds: start, x: left }]
    let into = 0
    let x = left + shotTrackLeft(shape.hasPoster)
    for (const shot of shape.shotSeconds.slice(0, -1)) {
      into += shot
      x += shot * pxPerSecond
      if (into > 0 && into < shape.duration) knots.push({ seconds: start + into, x })
    }
    knots.push({ seconds: start + shape.duration, x: left + width })
    const layout = { clipId: shape.id, startSeconds: start, durationSeconds: shape.duration, left, width, knots }
    start += shape.duration
    return layout
  })
  const last = clips.at(-1)
  return { clips, widths, offsets, pxPerSecond, endX: last ? last.left + last.width : 0, endSeconds: start }
}

/**
 * The x of film time `seconds`. At the time where one clip ends and the next starts, `side` 'start' answers the
 * next card's left edge (where something starting then is drawn) and 'end' the previous card's right edge (where
 * something ending then stops). Past the last card time runs on at the zoom's pixels per second.
 */
export function xOfSeconds(geometry: TrackGeometry, seconds: number, side: 'start' | 'end' = 'start'): number {
  const { clips } = geometry
  if (clips.length === 0 || seconds <= 0) return seconds * geometry.pxPerSecond
  if (seconds >= geometry.endSeconds) return geometry.endX + (seconds - geometry.endSeconds) * geometry.pxPerSecond
  // The last clip starting at or before `seconds` (strictly before, for an end); clips are in time order.
  let lo = 0
  let hi = clips.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    const start = clips[mid]!.startSeconds
    if (side === 'start' ? start <= seconds : start < seconds) lo = mid
    else hi = mid - 1
  }
  return xInKnots(clips[lo]!.knots, seconds)
}

/** The x of a point `fraction` (0..1) through clip `index`, on its own card even at 1. */
export function xInClip(geometry: TrackGeometry, index: number, fraction: number): number | null {
  const clip = geometry.clips[index]
  return clip ? xInKnots(clip.knots, clip.startSeconds + Math.min(1, Math.max(0, fraction)) * clip.durationSeconds) : null
}

/** The film time drawn at x: inside a card by its knots, in a gap the time between the cards, past the end at the zoom. */
export function secondsOfX(geometry: TrackGeometry, x: number): number {
  const { clips } = geometry
  if (clips.length === 0 || x <= 0) return Math.max(0, x / geometry.pxPerSecond)
  if (x >= geometry.endX) return geometry.endSeconds + (x - geometry.endX) / geometry.pxPerSecond
  let lo = 0
  let hi = clips.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (clips[mid]!.left <= x) lo = mid
    else hi = mid - 1
  }
  const clip = clips[lo]!
  const knots = clip.knots
  if (x >= clip.left + clip.width) return knots.at(-1)!.seconds
  for (let at = 1; at < knots.length; at++) {
    const [from, to] = [knots[at - 1]!, knots[at]!]
    if (x <= to.x) return to.x === from.x ? from.seconds : from.seconds + ((x - from.x) / (to.x - from.x)) * (to.seconds - from.seconds)
  }
  return knots.at(-1)!.seconds
}

/** The clip drawn at x and how far through it (0..1): a gap counts as the end of the card before it, past the ends the first or last clip. */
export function clipAtX(geometry: TrackGeometry, x: number): { index: number; fraction: number } | null {
  const seconds = secondsOfX(geometry, x)
  const { clips } = geometry
  if (clips.length === 0) return null
  let index = 0
  while (index + 1 < clips.length && clips[index + 1]!.startSeconds <= seconds && clips[index + 1]!.left <= x) index++
  const clip = clips[index]!
  return { index, fraction: clip.durationSeconds > 0 ? Math.min(1, Math.max(0, (seconds - clip.startSeconds) / clip.durationSeconds)) : 0 }
}

/**
 * `seconds` moved onto the nearest clip edge or shot boundary whose drawn x is within `tolerancePx` of where
 * `seconds` is drawn, so a snapped item lands exactly on the edge the user sees.
 */
export function snapToKnots(geometry: TrackGeometry, seconds: number, tolerancePx: number): number {
  const x = xOfSeconds(geometry, seconds)
  let best = seconds
  let distance = tolerancePx
  for (const clip of geometry.clips) {
    if (clip.left - tolerancePx > x) break
    for (const knot of clip.knots) {
      const away = Math.abs(knot.x - x)
      if (away <= distance) [best, distance] = [knot.seconds, away]
    }
  }
  return best
}

function xInKnots(knots: readonly Knot[], seconds: number): number {
  for (let at = 1; at < knots.length; at++) {
    const [from, to] = [knots[at - 1]!, knots[at]!]
    if (seconds <= to.seconds) return to.seconds === from.seconds ? from.x : from.x + ((seconds - from.seconds) / (to.seconds - from.seconds)) * (to.x - from.x)
  }
  return knots.at(-1)!.x
}
