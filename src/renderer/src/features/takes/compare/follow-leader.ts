import { followerAction } from './follower-sync'
import { seekVideo } from './seek-video'

/**
 * `keepInStep`, per animation frame while playing, gives each follower its correction (rate or seek) against the
 * leader. Every seek goes through `seek`, which learns what a seek of that video costs, so that a seek while playing
 * lands where the leader will be by then.
 */
export function createLeaderFollowing() {
  const seekCosts = new WeakMap<HTMLVideoElement, number>()
  const seek = (video: HTMLVideoElement, seconds: number): Promise<void> => {
    const started = performance.now()
    return seekVideo(video, seconds).then(() => void seekCosts.set(video, (performance.now() - started) / 1000))
  }
  const keepInStep = (leader: HTMLVideoElement, followers: HTMLVideoElement[]): void => {
    for (const follower of followers) {
      const action = followerAction({
        leaderTime: leader.currentTime,
        followerTime: follower.currentTime,
        // A video waiting for data still shows the frame at its time, so only a seek (a time not shown yet) or the
        // end makes a reading meaningless.
        followerBusy: follower.ended || follower.seeking,
        leaderSeeking: leader.seeking,
        seekCost: seekCosts.get(follower) ?? 0,
        followerDuration: follower.duration,
      })
      if (action.kind === 'rate' && follower.playbackRate !== action.rate) follower.playbackRate = action.rate
      if (action.kind === 'seek') void seek(follower, action.to)
    }
  }
  return { keepInStep, seek }
}
