import { useCallback, useEffect, useRef, useState } from 'react'

/** Kling renders 24 frames a second; a frame step moves by one of them. */
export const FRAME_SECONDS = 1 / 24
/** Drift beyond half a frame is corrected while playing, so every tile shows the same moment. */
const MAX_DRIFT_SECONDS = FRAME_SECONDS / 2

/**
 * One transport for several videos: the first is the clock, the others follow it. Play, pause, seek and frame
 * steps act on all of them together; while playing, a follower that drifts is put back on the clock's time.
 */
export function useSyncedPlayback(count: number) {
  const videos = useRef<(HTMLVideoElement | null)[]>([])
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(0)
  const [loop, setLoop] = useState(true)
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
  const pause = useCallback(() => {
    for (const video of all()) video.pause()
    setPlaying(false)
    const master = clock()
    if (master) seek(master.currentTime)
  }, [all, clock, seek])
  const play = useCallback(() => {
    const master = clock()
    if (!master) return
    if (master.ended || master.currentTime >= master.duration - FRAME_SECONDS / 2) seek(0)
    else seek(master.currentTime)
    setPlaying(true)
    for (const video of all()) void video.play().catch(() => setPlaying(false))
  }, [all, clock, seek])
  const step = useCallback(
    (frames: number) => {
      for (const video of all()) video.pause()
      setPlaying(false)
      seek((clock()?.currentTime ?? 0) + frames * FRAME_SECONDS)
    },
    [all, clock, seek],
  )

  useEffect(() => {
    if (!playing) return
    let frame = 0
    const tick = () => {
      const master = clock()
      if (master) {
        setTime(master.currentTime)
        for (const video of all().slice(1)) {
          if (!video.ended && Math.abs(video.currentTime - master.currentTime) > MAX_DRIFT_SECONDS) video.currentTime = master.currentTime
        }
        if (master.ended) {
          if (loop) play()
          else pause()
        }
      }
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(frame)
  }, [playing, loop, all, clock, play, pause])

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
