/**
 * How a compared take keeps its picture on the leader's while both play, decided from one measurement.
 *
 * Sync players (Jellyfin's SyncPlay "speed to sync" / "skip to sync", dash.js's catch-up controller, the timing
 * object's MediaSync) correct small drift with the playback rate and seek only when the drift is large, because a
 * seek stalls the picture until the decoder has worked forward from the previous key frame. Kling takes may carry
 * one key frame per take, so a seek late in a take costs hundreds of milliseconds; re-seeking on every small drift
 * would leave a follower seeking for ever and never showing a new frame.
 */

/** Kling renders 24 frames a second; a frame step moves by one of them. */
export const FRAME_SECONDS = 1 / 24

/** The number of the frame shown at `seconds` (from 0); a frame's start time counts as that frame. */
export function frameAt(seconds: number): number {
  // A frame's start time, as a float, can fall a hair below its exact multiple of 1/24.
  return Math.floor(seconds / FRAME_SECONDS + 1e-3)
}

/**
 * The middle of the frame shown at `seconds`. Videos put there all show that frame, where a time on a frame's edge
 * could round to the one before in one decoder and not in another.
 */
export function middleOfFrame(seconds: number): number {
  return (frameAt(seconds) + 0.5) * FRAME_SECONDS
}

/**
 * Where paused takes line up: the middle of the frame the clock was last seen showing (`shownTime`), unless that
 * sighting is from before a seek (more than a frame from the clock's time), when the clock's time is all we know.
 */
export function pauseTarget(clockTime: number, shownTime: number | null): number {
  const fresh = shownTime !== null && Math.abs(shownTime - clockTime) < 2 * FRAME_SECONDS
  return middleOfFrame(fresh ? shownTime : clockTime)
}

/** Below this the follower plays at normal speed: a quarter of a 24 fps frame, under what anyone can see. */
export const RATE_DEADBAND_SECONDS = 0.01
/**
 * Above this the follower seeks instead: 12 frames, which the catch-up rate makes up in 2 s, and more than a long-GOP
 * seek itself costs on the takes we play (a seek that costs more than the drift it removes would leave the follower
 * further behind than it was, frozen meanwhile).
 */
export const SEEK_DRIFT_SECONDS = 0.5
/** Within three frames the rate stays within 10 % of normal, where motion still looks natural. */
export const MAX_RATE_CHANGE = 0.1
/**
 * Beyond three frames (a follower whose clock stalled on a busy machine) it may go 25 % off, so the gap closes in
 * about a second instead of several; the follower is muted, so only its motion shows the change, briefly.
 */
export const CATCH_UP_RATE_CHANGE = 0.25
const CATCH_UP_DRIFT_SECONDS = 3 / 24
/** Rate change per second of drift: half a frame behind plays 1.04×, one frame 1.08×, until the drift is gone. */
const RATE_GAIN_PER_SECOND = 2

export type FollowerReading = {
  /** Where the leader is now. */
  leaderTime: number
  /** Where the follower is now. */
  followerTime: number
  /** The follower's time is not its picture's: a seek is under way, or it has ended. */
  followerBusy: boolean
  /** The leader is seeking, so its time is where it will be rather than what it shows. */
  leaderSeeking: boolean
  /** What a seek of this follower has been costing, in seconds (0 before its first one). */
  seekCost: number
  /** The follower's length, so a seek ahead stays inside it. */
  followerDuration: number
}

export type FollowerAction =
  | { kind: 'rate'; rate: number }
  | { kind: 'seek'; to: number }
  | { kind: 'wait' }

/** The one correction a playing follower gets on this animation frame, from its drift against the leader. */
export function followerAction(reading: FollowerReading): FollowerAction {
  if (reading.followerBusy || reading.leaderSeeking) return { kind: 'wait' }
  const drift = reading.followerTime - reading.leaderTime
  if (Math.abs(drift) > SEEK_DRIFT_SECONDS) {
    // The follower stalls while it seeks and the leader plays on, so it aims where the leader will be by then.
    const to = Math.min(reading.leaderTime + reading.seekCost, reading.followerDuration || Infinity)
    return { kind: 'seek', to }
  }
  if (Math.abs(drift) < RATE_DEADBAND_SECONDS) return { kind: 'rate', rate: 1 }
  const limit = Math.abs(drift) > CATCH_UP_DRIFT_SECONDS ? CATCH_UP_RATE_CHANGE : MAX_RATE_CHANGE
  const correction = Math.min(limit, Math.max(-limit, -drift * RATE_GAIN_PER_SECOND))
  // Whole hundredths, so the rate is written only when the correction really changes, not on every frame.
  return { kind: 'rate', rate: Math.round((1 + correction) * 100) / 100 }
}
