import type { CutEntry, CutPlan, FrameRate } from '../cut/cut-plan'
import { framesAt, rateValue, sameRate } from './frame-time'

/** Editors start a programme at one hour by convention, leaving room for bars, slates and countdowns before it. */
export const PROGRAMME_START_SECONDS = 3600
const FALLBACK_RATE: FrameRate = { num: 24, den: 1 }

/** One shot boundary as an editor marker, counted in sequence frames from the start of its event. */
export interface EditMarker {
  name: string
  comment: string
  startFrames: number
  durationFrames: number
}

/** A clip placed on the sequence: where it sits and how long it lasts, in whole sequence frames. */
export interface EditEvent {
  name: string
  entry: CutEntry
  recordInFrames: number
  frames: number
  markers: EditMarker[]
}

/** The cut as every editor format sees it: one frame rate, events end to end in frames, no gaps between them. */
export interface EditTimeline {
  name: string
  rate: FrameRate
  startFrames: number
  events: EditEvent[]
  frames: number
}

/** "03 Harbour at dawn": the clip's position as the timeline shows it, then its title. */
export function eventName(entry: Pick<CutEntry, 'clipNumber' | 'title'>): string {
  const title = entry.title.trim() || 'Untitled clip'
  return `${String(entry.clipNumber).padStart(2, '0')} ${title}`
}

/**
 * Lays the cut out in frames at the sequence rate: the first take's rate (all Kling takes share one), 24 fps when
 * there is no take. Positions add whole frames, never seconds, so no event drifts off a frame boundary.
 */
export function editTimeline(name: string, plan: CutPlan): EditTimeline {
  const first = plan.entries.find((entry) => entry.kind === 'take')
  const rate = first?.kind === 'take' ? first.media.frameRate : FALLBACK_RATE
  let position = 0
  const events = plan.entries.map((entry): EditEvent => {
    const frames = Math.max(1, eventFrames(entry, rate))
    const event = { name: eventName(entry), entry, recordInFrames: position, frames, markers: shotMarkers(entry, rate, frames) }
    position += frames
    return event
  })
  // 01:00:00:00 counts nominal frames (30 for 29.97), as timecode does.
  return { name, rate, startFrames: PROGRAMME_START_SECONDS * Math.round(rateValue(rate)), events, frames: position }
}

/** The entry's shots as markers at `rate`, kept inside an item `frames` long. */
export function shotMarkers(entry: Pick<CutEntry, 'shots'>, rate: FrameRate, frames: number): EditMarker[] {
  return entry.shots.map((shot) => ({
    name: `Shot ${shot.index + 1}`,
    comment: shot.prompt,
    startFrames: Math.min(frames - 1, framesAt(shot.startSeconds, rate)),
    durationFrames: Math.max(1, Math.min(frames - framesAt(shot.startSeconds, rate), framesAt(shot.durationSeconds, rate))),
  }))
}

/** A take keeps its exact frame count when its rate is the sequence's; otherwise (and for holds) its duration decides. */
function eventFrames(entry: CutEntry, rate: FrameRate): number {
  if (entry.kind === 'take' && sameRate(entry.media.frameRate, rate)) return entry.media.frames
  return framesAt(entry.durationSeconds, rate)
}
