import { useEffect, useRef, useState, type RefObject } from 'react'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { entryIndexAt } from '../../../../shared/cut/cut-time'
import { STALL_SECONDS, followFilmClock, nextStartLead, stepFilmClock } from '../../../../shared/cut/film-clock'
import { takeVideoUrl } from '../takes/list/take-video-url'
import { advanceFilm, setFilmPlaying, useFilmStore } from './film-store'

type Slot = 0 | 1
/** How far a video may be from the playhead before the player seeks it (a seek costs a decode from a key frame). */
const SEEK_TOLERANCE_SECONDS = 0.25

/**
 * Plays the cut through two <video> elements that take turns: while one plays a take, the other already holds the
 * next take, loaded and paused at its first frame (decoded), so the cut runs on without a gap. One film clock drives
 * the playhead, the swaps, the animatic holds and the sound lanes; the videos follow it.
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
  /** How far ahead of its cut the next take is started (see nextStartLead), and when the one in flight was. */
  const startLead = useRef(0)

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
    // The hidden video waits at its in-point: it may have been started ahead of a cut that a pause or a jump cancelled.
    const hidden = videoIn(other(active.current))
    hidden?.pause()
    if (hidden && hidden.currentTime !== 0) hidden.currentTime = 0
    const nextTake = plan.entries.findIndex((candidate, at) => at > index && candidate.kind === 'take')
    if (nextTake >= 0) load(other(active.current), nextTake)
  }, [plan, index, seekId, playing, videoA, videoB])

  // The film clock: while playing it runs on the wall clock (stepFilmClock); each take's video follows it, and the
  // swap to the preloaded next take happens in the frame the clock crosses the boundary, not on the video's `ended`.
  useEffect(() => {
    if (!plan || !playing) return
    const videoIn = (slot: Slot): HTMLVideoElement | null => (slot === 0 ? videoA : videoB).current
    let frame = 0
    let last = performance.now()
    const tick = (now: number): void => {
      const elapsed = (now - last) / 1000
      last = now
      const current = useFilmStore.getState().time
      const step = stepFilmClock(plan, current, elapsed)
      const entry = plan.entries[step.index]
      if (!entry) return
      let time = step.time
      let playingOut = false
      if (entry.kind === 'take' && !unplayable.has(step.index)) {
        const video = showTake(step.index)
        // The last take shows its closing frames even when it started a little late: nothing follows it to keep in time with.
        playingOut = step.ended && !!video && !video.paused && !video.ended && entry.durationSeconds - video.currentTime < STALL_SECONDS
        // A take not yet loaded or still seeking holds the clock at its start (or where it stands), picture first.
        if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.seeking) time = Math.max(Math.min(current, time), entry.startSeconds)
        else time = follow(video, entry.startSeconds, time)
      }
      startAhead(step.index, time)
      if (step.ended && time >= plan.durationSeconds && !playingOut) {
        advanceFilm(plan.durationSeconds)
        setFilmPlaying(false)
        return
      }
      advanceFilm(time)
      frame = requestAnimationFrame(tick)
    }
    /** The video holding take `entryIndex`, on screen and playing: the preloaded one swaps in here, in this frame. */
    const showTake = (entryIndex: number): HTMLVideoElement | null => {
      if (slots.current[active.current] !== entryIndex && slots.current[other(active.current)] === entryIndex) {
        videoIn(active.current)?.pause()
        active.current = other(active.current)
      }
      const video = slots.current[active.current] === entryIndex ? videoIn(active.current) : null
      if (!video) return null
      // Set here rather than on the next render, so the incoming frame is painted in the frame that crosses the cut.
      for (const slot of [0, 1] as const) {
        const element = videoIn(slot)
        if (element && element.dataset['active'] !== String(slot === active.current)) element.dataset['active'] = String(slot === active.current)
      }
      return video
    }
    // How late a started video's first new frame reaches the screen, against play() plus its media time, sets the
    // next head start (requestVideoFrameCallback: presentation times, as the screen has them).
    const play = (video: HTMLVideoElement): void => {
      const at = performance.now()
      const learn = (_now: number, meta: VideoFrameCallbackMetadata): void => {
        if (meta.mediaTime > 0) startLead.current = nextStartLead(startLead.current, (meta.presentationTime - at) / 1000 - meta.mediaTime)
        else video.requestVideoFrameCallback(learn)
      }
      video.requestVideoFrameCallback(learn)
      video.play().catch(() => undefined)
    }
    // The next take, loaded in the hidden slot, is told to play that much before its cut (it stays hidden until then).
    const startAhead = (index: number, time: number): void => {
      const next = plan.entries[index + 1]
      const slot = other(active.current)
      const video = videoIn(slot)
      if (next?.kind !== 'take' || slots.current[slot] !== index + 1 || !video || !video.paused || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return
      if (next.startSeconds - time <= startLead.current && video.currentTime === 0) play(video)
    }
    const follow = (video: HTMLVideoElement, startSeconds: number, time: number): number => {
      if (video.ended) return time
      if (video.paused) play(video)
      const action = followFilmClock(time - startSeconds, video.currentTime)
      if (action.kind === 'hold') return startSeconds + video.currentTime
      if (action.kind === 'seek') video.currentTime = action.toSeconds
      else if (video.playbackRate !== action.rate) video.playbackRate = action.rate
      return time
    }
    frame = requestAnimationFrame(tick)
    return () => {
      cancelAnimationFrame(frame)
      for (const slot of [0, 1] as const) {
        const video = videoIn(slot)
        if (video) video.playbackRate = 1
      }
    }
  }, [plan, playing, videoA, videoB, unplayable])

  return { activeSlot, index, unplayable }
}

const other = (slot: Slot): Slot => (slot === 0 ? 1 : 0)
