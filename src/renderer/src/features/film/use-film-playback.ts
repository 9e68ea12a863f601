import { useEffect, useRef, useState, type RefObject } from 'react'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { entryIndexAt } from '../../../../shared/cut/cut-time'
import { takeVideoUrl } from '../takes/take-video-url'
import { advanceFilm, setFilmPlaying, useFilmStore } from './film-store'

type Slot = 0 | 1
/** How far a video may be from the playhead before the player seeks it (a seek costs a decode from a key frame). */
const SEEK_TOLERANCE_SECONDS = 0.25

/**
 * Plays the cut through two <video> elements that take turns: while one plays a take, the other already holds the
 * next take, loaded and paused at its first frame, so the cut runs on without a gap. Animatic holds advance on the
 * wall clock. The playhead is read from the playing video, so sound and picture stay the master.
 */
export function useFilmPlayback(plan: CutPlan | null, videoA: RefObject<HTMLVideoElement | null>, videoB: RefObject<HTMLVideoElement | null>): { activeSlot: Slot; index: number; unplayable: ReadonlySet<number> } {
  const time = useFilmStore((s) => s.time)
  const playing = useFilmStore((s) => s.playing)
  const seekId = useFilmStore((s) => s.seekId)
  const index = plan ? entryIndexAt(plan, time) : 0
  const [activeSlot, setActiveSlot] = useState<Slot>(0)
  const [unplayable, setUnplayable] = useState<ReadonlySet<number>>(new Set())
  const slots = useRef<[number | null, number | null]>([null, null])
  const active = useRef<Slot>(0)
  const lastSeek = useRef(-1)

  // Puts the current take in the playing slot (swapping to the preloaded one when it is there) and the next take in the other.
  useEffect(() => {
    if (!plan) return
    const videoIn = (slot: Slot): HTMLVideoElement | null => (slot === 0 ? videoA : videoB).current
    const entry = plan.entries[index]
    const load = (slot: Slot, entryIndex: number): boolean => {
      const candidate = plan.entries[entryIndex]
      const video = videoIn(slot)
      if (candidate?.kind !== 'take' || !video) return false
      if (slots.current[slot] === entryIndex) return true
      slots.current[slot] = entryIndex
      // Main streams the take with byte ranges; a missing or broken file fires `error` and the clip plays as an animatic.
      video.onerror = () => setUnplayable((previous) => new Set(previous).add(entryIndex))
      video.src = takeVideoUrl(candidate.takeId)
      video.load()
      return true
    }
    if (entry?.kind === 'take') {
      if (slots.current[active.current] !== index && slots.current[other(active.current)] === index) active.current = other(active.current)
      const ready = load(active.current, index)
      setActiveSlot(active.current)
      const video = videoIn(active.current)
      if (ready && video) {
        const into = useFilmStore.getState().time - entry.startSeconds
        if (lastSeek.current !== seekId || Math.abs(video.currentTime - into) > SEEK_TOLERANCE_SECONDS) video.currentTime = into
        if (playing) video.play().catch(() => undefined)
        else video.pause()
      }
    } else videoIn(active.current)?.pause()
    lastSeek.current = seekId
    videoIn(other(active.current))?.pause()
    const nextTake = plan.entries.findIndex((candidate, at) => at > index && candidate.kind === 'take')
    if (nextTake >= 0) load(other(active.current), nextTake)
  }, [plan, index, seekId, playing, videoA, videoB])

  // The clock: while playing, the playhead follows the playing video, or the wall clock through an animatic hold.
  useEffect(() => {
    if (!plan || !playing) return
    const videoIn = (slot: Slot): HTMLVideoElement | null => (slot === 0 ? videoA : videoB).current
    let frame = 0
    let last = performance.now()
    const tick = (now: number): void => {
      const elapsed = (now - last) / 1000
      last = now
      const { time: current } = useFilmStore.getState()
      const at = entryIndexAt(plan, current)
      const entry = plan.entries[at]
      if (!entry) return
      const end = entry.startSeconds + entry.durationSeconds
      let next = current + elapsed
      const video = videoIn(active.current)
      if (entry.kind === 'take' && !unplayable.has(at) && slots.current[active.current] === at && video) {
        next = video.ended ? end : entry.startSeconds + video.currentTime
      } else if (entry.kind === 'take' && !unplayable.has(at)) {
        next = current // still loading: hold the playhead rather than run ahead of the picture
      }
      if (next >= plan.durationSeconds) {
        advanceFilm(plan.durationSeconds)
        setFilmPlaying(false)
        return
      }
      advanceFilm(next >= end ? end : next)
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(frame)
  }, [plan, playing, videoA, videoB, unplayable])

  return { activeSlot, index, unplayable }
}

const other = (slot: Slot): Slot => (slot === 0 ? 1 : 0)
