/**
 * How a compared take keeps its picture on the leader's while both play, decided from one measurement.
 *
 * Sync players (Jellyfin's SyncPlay "speed to sync" / "skip to sync", dash.js's catch-up controller, the timing
 * object's MediaSync) correct small drift with the playback rate and seek only when the drift is large, because a
 * seek stalls the picture until the decoder has worked forward from the previous key frame. Kling takes may carry
 * one key frame per take, so a seek late in a take costs hundreds of milliseconds; re-seeking on every small drift
 * (as we once did) leaves a follower seeking for ever and never showing a new frame.
 */

/** Below this the follower plays at normal speed: a quarter of a 24 fps frame, under what anyone can see. */
export const RATE_DEADBAND_SECONDS = 0.01
/**
 * Above this the follower seeks instead: 12 frames, which a 10 % rate change would take 5 s to make up, and more
 * than a long-GOP seek itself costs on the takes we play (a seek that costs more than the drift it removes would
 * leave the follower further behind than it was).
 */
export const SEEK_DRIFT_SECONDS = 0.5
/** The playback rate stays within 10 % of normal, where motion still looks natural (and muted sound is not heard). */
export const MAX_RATE_CHANGE = 0.1
/** Rate change per second of drift: two frames behind (83 ms) plays 1.08× until it is gone. */
const RATE_GAIN_PER_SECOND = 1

export type FollowerReading = {
  /** Where the leader is now. */
  leaderTime: number
  /** Where the follower is now. */
  followerTime: number
  /** The follower's time is not its picture's: a seek is under way, it waits for data, or it has ended. */
  followerBusy: boolean
  /** The leader is seeking or waiting for data, so its time is where it will be rather than what it shows. */
  leaderStalled: boolean
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
  if (reading.followerBusy || reading.leaderStalled) return { kind: 'wait' }
  const drift = reading.followerTime - reading.leaderTime
  if (Math.abs(drift) > SEEK_DRIFT_SECONDS) {
    // The follower stalls while it seeks and the leader plays on, so it aims where the leader will be by then.
    const to = Math.min(reading.leaderTime + reading.seekCost, reading.followerDuration || Infinity)
    return { kind: 'seek', to }
  }
  if (Math.abs(drift) < RATE_DEADBAND_SECONDS) return { kind: 'rate', rate: 1 }
  const correction = Math.min(MAX_RATE_CHANGE, Math.max(-MAX_RATE_CHANGE, -drift * RATE_GAIN_PER_SECOND))
  // Whole hundredths, so the rate is written only when the correction really changes, not on every frame.
  return { kind: 'rate', rate: Math.round((1 + correction) * 100) / 100 }
}
