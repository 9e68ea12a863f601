import type { CutPlan } from './cut-plan'
import { entryIndexAt } from './cut-time'

/**
 * Play film's one clock. Film time runs on the wall clock from frame to frame, so the cut lasts exactly the sum of
 * its clips whatever each video's start-up costs; clip boundaries, animatic holds and the sound lanes all read it,
 * and each take's video is made to follow it (`followFilmClock`) rather than lead it.
 */
export type ClockStep = { time: number; index: number; ended: boolean }

/** The film time `elapsedSeconds` after `current`: the clip it falls in, and whether the film is over. */
export function stepFilmClock(plan: CutPlan, current: number, elapsedSeconds: number): ClockStep {
  const time = Math.min(current + Math.max(0, elapsedSeconds), plan.durationSeconds)
  return { time, index: entryIndexAt(plan, time), ended: time >= plan.durationSeconds }
}

/** What to do with a take's video so it shows the film clock's frame. */
export type Follow = { kind: 'rate'; rate: number } | { kind: 'seek'; toSeconds: number } | { kind: 'hold' }

/** Past this lag the picture has stalled (a slow read or decode): the clock waits for it rather than run on without it. */
export const STALL_SECONDS = 0.25
/** The most a take's speed is nudged to catch up with the clock: a few per cent, not heard (Chromium keeps the pitch). */
const MAX_NUDGE = 0.04
/** A lag under this is left alone, so the rate does not change on every frame. */
const DEAD_BAND_SECONDS = 0.008

/**
 * A take's video against the clock: `clockInto` seconds into the clip by the clock, `videoSeconds` where the video
 * is. A video a little behind (it took a frame or two to start) plays a little faster until it has caught up; one
 * far ahead (a seek landed past the playhead) is sought back; one far behind holds the clock.
 */
export function followFilmClock(clockInto: number, videoSeconds: number): Follow {
  const lag = clockInto - videoSeconds
  if (lag > STALL_SECONDS) return { kind: 'hold' }
  if (lag < -STALL_SECONDS) return { kind: 'seek', toSeconds: clockInto }
  if (Math.abs(lag) < DEAD_BAND_SECONDS) return { kind: 'rate', rate: 1 }
  // Closes the lag in about a second, in steps of 1 % so the rate changes seldom.
  return { kind: 'rate', rate: 1 + Math.round(Math.min(MAX_NUDGE, Math.max(-MAX_NUDGE, lag)) * 100) / 100 }
}

/** The longest head start a next take is given; a start-up slower than this is caught up by `followFilmClock`. */
const MAX_LEAD_SECONDS = 0.15
const IGNORED_START_SECONDS = 0.5

/**
 * How long before its cut the next take is told to play, learnt from the takes before it: a video's second frame
 * reaches the screen a few frames later than `play()` plus one frame, so a take started on the cut would hold its
 * first frame that long. Started this much
 * ahead, its first frame is still the one showing when it swaps in, and its second comes one frame later. Only part
 * of the measured start-up is used, so a quicker start does not run past the first frame while still hidden.
 */
export function nextStartLead(previousLeadSeconds: number, measuredStartSeconds: number): number {
  // Half a second or more is not a start-up but a pause or a stalled read in between: it teaches nothing.
  if (measuredStartSeconds >= IGNORED_START_SECONDS) return previousLeadSeconds
  const sample = Math.min(MAX_LEAD_SECONDS, Math.max(0, measuredStartSeconds)) * 0.75
  return previousLeadSeconds === 0 ? sample : previousLeadSeconds * 0.7 + sample * 0.3
}
