import { useCallback, useEffect, useRef, useState } from 'react'
import { createLeaderFollowing } from './follow-leader'
import { seekSettled } from './seek-video'

/** Kling renders 24 frames a second; a frame step moves by one of them. */
export const FRAME_SECONDS = 1 / 24

/**
 * One transport for several videos: the first is the clock, the others follow it. Play, pause, seek and frame
 * steps act on all of them together; while playing, followers are kept on the clock's picture by their playback
 * rate (see follower-sync.ts), and a pause puts each one on the clock's frame.
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
  const all = useCallback(() => videos.current.slice(0, count).filter((v): v is HTMLVideoElement => v !== null), [count])
  const clock = useCallback(() => all()[0] ?? null, [all])

  const seek = useCallback(
    (seconds: number) => {
      const target = Math.min(Math.max(0, seconds), clock()?.duration || 0)
      for (const video of all()) video.currentTime = Math.min(target, video.duration || target)
      setTime(target)
    },
    [all, clock],
  )
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
    setTime(master.currentTime)
    // One seek per follower onto the clock's paused frame; the clock itself already shows it.
    for (const video of all().slice(1)) {
      if (video.currentTime !== master.currentTime) void seekTimed(video, Math.min(master.currentTime, video.duration || master.currentTime))
    }
  }, [all, clock, stop, seekTimed])
  const start = useCallback(async () => {
    const master = clock()
    if (!master) return
    const mine = (turn.current += 1)
    setPlaying(true)
    const from = master.ended || master.currentTime >= master.duration - FRAME_SECONDS / 2 ? 0 : master.currentTime
    // All start together from the same picture: wait for every seek (a long-GOP seek takes a while) before playing.
    await Promise.all(all().map((video) => (video.currentTime === from ? seekSettled(video) : seekTimed(video, Math.min(from, video.duration || from)))))
    if (turn.current !== mine) return
    setTime(from)
    for (const video of all()) void video.play().catch(() => setPlaying(false))
  }, [all, clock, seekTimed])
  const play = useCallback(() => void start(), [start])
  const step = useCallback(
    (frames: number) => {
      stop()
      seek((clock()?.currentTime ?? 0) + frames * FRAME_SECONDS)
    },
    [clock, seek, stop],
  )

  useEffect(() => {
    if (!playing) return
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
    return () => cancelAnimationFrame(frame)
  }, [playing, loop, all, clock, play, pause, keepInStep])

  // One callback per tile, kept across renders, so React does not detach and re-attach the videos each time.
  const registrations = useRef(new Map<number, (video: HTMLVideoElement | null) => void>())
  const register = useCallback((index: number) => {
    let callback = registrations.current.get(index)
    if (!callback) {
      callback = (video: HTMLVideoElement | null) => {
        videos.current[index] = video
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
