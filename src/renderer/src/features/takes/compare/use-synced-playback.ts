import { useCallback, useEffect, useRef, useState } from 'react'
import { createLeaderFollowing } from './follow-leader'
import { FRAME_SECONDS, pauseTarget } from './follower-sync'
import { seekSettled } from './seek-video'
import { watchShownFrame } from './shown-frame'

/**
 * One transport for several videos: the first is the clock, the others follow it. Play, pause, seek and frame
 * steps act on all of them together; while playing, followers are kept on the clock's picture by their playback
 * rate (see follower-sync.ts), and a pause puts every one on the frame the clock shows.
 */
export function useSyncedPlayback(count: number) {
  const videos = useRef<(HTMLVideoElement | null)[]>([])
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(0)
  const [loop, setLoop] = useState(true)
  const [{ keepInStep, seek: seekTimed }] = useState(createLeaderFollowing)
  // Play, pause and frame steps each take a turn; a play still waiting for its seeks gives up if another came since.
  const turn = useRef(0)
  const shownByClock = useRef<(() => number | null) | null>(null)
  const all = useCallback(() => videos.current.slice(0, count).filter((v): v is HTMLVideoElement => v !== null), [count])
  const clock = useCallback(() => all()[0] ?? null, [all])

  const stop = useCallback(() => {
    turn.current += 1
    for (const video of all()) {
      video.pause()
      video.playbackRate = 1
    }
    setPlaying(false)
  }, [all])
  const pause = useCallback(() => {
    stop()
    const master = clock()
    if (!master) return
    // One seek each onto the middle of the frame the clock shows (the clock's own seek keeps its picture), so all
    // show that frame and agree on the time, and Play starts them from there without seeking again.
    const target = pauseTarget(master.currentTime, shownByClock.current?.() ?? null)
    setTime(target)
    for (const video of all()) void seekTimed(video, Math.min(target, video.duration || target))
  }, [all, clock, stop, seekTimed])
  /** Plays all from `at` (else from where the clock is, or from the top after its end), started together. */
  const start = useCallback(
    async (at?: number) => {
      const master = clock()
      if (!master) return
      const mine = (turn.current += 1)
      setPlaying(true)
      const from = at ?? (master.ended || master.currentTime >= master.duration - FRAME_SECONDS ? 0 : master.currentTime)
      setTime(from)
      // All wait for every seek (a long-GOP seek takes a while) and then start together from the same picture.
      for (const video of all()) video.pause()
      await Promise.all(all().map((video) => (video.currentTime === from ? seekSettled(video) : seekTimed(video, Math.min(from, video.duration || from)))))
      if (turn.current !== mine) return
      for (const video of all()) void video.play().catch(() => setPlaying(false))
    },
    [all, clock, seekTimed],
  )
  const play = useCallback(() => void start(), [start])
  const seek = useCallback(
    (seconds: number) => {
      const master = clock()
      const target = Math.min(Math.max(0, seconds), master?.duration || 0)
      // A seek while playing restarts all together there: each finishing its own seek and playing on would leave
      // them as far apart as their seeks took different times.
      if (master && !master.paused) {
        void start(target)
        return
      }
      for (const video of all()) video.currentTime = Math.min(target, video.duration || target)
      setTime(target)
    },
    [all, clock, start],
  )
  const step = useCallback(
    (frames: number) => {
      stop()
      seek((clock()?.currentTime ?? 0) + frames * FRAME_SECONDS)
    },
    [clock, seek, stop],
  )

  useEffect(() => {
    const leader = clock()
    if (!playing || !leader) return
    const shown = watchShownFrame(leader)
    shownByClock.current = shown.time
    let frame = 0
    const tick = () => {
      const master = clock()
      if (master) {
        setTime(master.currentTime)
        if (!master.paused) keepInStep(master, all().slice(1))
        if (master.ended && !master.seeking) {
          if (loop) play()
          else pause()
        }
      }
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => {
      cancelAnimationFrame(frame)
      shown.stop()
      shownByClock.current = null
    }
  }, [playing, loop, all, clock, play, pause, keepInStep])

  // One callback per tile, kept across renders, so React does not detach and re-attach the videos each time.
  const registrations = useRef(new Map<number, (video: HTMLVideoElement | null) => void>())
  const register = useCallback((index: number) => {
    let callback = registrations.current.get(index)
    if (!callback) {
      callback = (video: HTMLVideoElement | null) => {
        videos.current[index] = video
        // Followers are muted: resampling their sound at a corrected rate is far cheaper than keeping its pitch,
        // which on a busy machine starves their clocks and leaves them behind however fast they are asked to go.
        if (index !== 0 && video) video.preservesPitch = false
        if (index !== 0 || !video) return
        const read = () => setDuration(video.duration || 0)
        video.addEventListener('loadedmetadata', read)
        read()
      }
      registrations.current.set(index, callback)
    }
    return callback
  }, [])
  return { register, playing, time, duration, loop, setLoop, play, pause, seek, step }
}
