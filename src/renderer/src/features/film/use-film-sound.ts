import { useEffect, useMemo, useRef, useState } from 'react'
import { defaultMix } from '../../../../shared/domain/audio-schema'
import { planMix, type MixPlan } from '../../../../shared/audio/mix-plan'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { mediaPaths } from '../../../../shared/media-paths'
import { mediaUrl } from '../../ipc/media-url'
import { useStore } from '../../store/store'
import { useFilmStore } from './film-store'
import { scheduleSources, stopScheduled, type Scheduled } from './film-sound-schedule'

/** How far the lanes may be from the picture before they are placed again (the picture is the master clock). */
const RESYNC_SECONDS = 0.1
/** Lead time so the first sample is scheduled in the future, not already late. */
const LEAD_SECONDS = 0.05

let sharedContext: AudioContext | null = null
const decoded = new Map<string, Promise<AudioBuffer | null>>()

/** Each sound file is fetched and decoded once per window (its id is its content hash). */
function decodeOnce(context: AudioContext, audioId: string): Promise<AudioBuffer | null> {
  let buffer = decoded.get(audioId)
  if (!buffer) {
    buffer = fetch(mediaUrl(mediaPaths.audio(audioId)))
      .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(String(response.status)))))
      .then((bytes) => context.decodeAudioData(bytes))
      .catch(() => null)
    decoded.set(audioId, buffer)
  }
  return buffer
}

/**
 * Play film's sound lanes through Web Audio, mixed by the same plan the export writes: each file decoded once,
 * every item scheduled against the audio clock from the playhead, placed again on a seek or when the picture and
 * the lanes part by more than 0.1 s (a take still loading holds the picture), so a long cut never drifts. The takes'
 * own sound plays in the video elements at the level this returns for the clip playing.
 */
export function useFilmSound(plan: CutPlan | null, index: number): number {
  const mix = useStore((s) => s.doc?.mix) ?? defaultMix
  const audioFiles = useStore((s) => s.audioFiles)
  const playing = useFilmStore((s) => s.playing)
  const seekId = useFilmStore((s) => s.seekId)
  const mixPlan: MixPlan | null = useMemo(() => (plan ? planMix(mix, audioFiles, plan.entries, plan.durationSeconds) : null), [plan, mix, audioFiles])
  const [buffers, setBuffers] = useState<ReadonlyMap<string, AudioBuffer>>(new Map())

  useEffect(() => {
    if (!mixPlan || mixPlan.sources.length === 0) return
    sharedContext ??= new AudioContext()
    const context = sharedContext
    let live = true
    const ids = [...new Set(mixPlan.sources.map((source) => source.audioId))]
    void Promise.all(ids.map(async (id) => [id, await decodeOnce(context, id)] as const)).then((pairs) => {
      if (live) setBuffers(new Map(pairs.filter((pair): pair is [string, AudioBuffer] => pair[1] !== null)))
    })
    return () => {
      live = false
    }
  }, [mixPlan])

  const anchor = useRef<{ film: number; context: number } | null>(null)
  useEffect(() => {
    if (!mixPlan || !playing || !sharedContext || mixPlan.sources.length === 0) return
    const context = sharedContext
    void context.resume()
    let scheduled: Scheduled[] = []
    const place = (film: number): void => {
      stopScheduled(scheduled)
      const at = context.currentTime + LEAD_SECONDS
      anchor.current = { film, context: at }
      scheduled = scheduleSources(context, context.destination, mixPlan.sources, buffers, film, at)
    }
    place(useFilmStore.getState().time)
    const unsubscribe = useFilmStore.subscribe((state) => {
      const placed = anchor.current
      if (!placed || context.state !== 'running') return
      const heard = placed.film + (context.currentTime - placed.context)
      if (Math.abs(heard - state.time) > RESYNC_SECONDS) place(state.time)
    })
    return () => {
      unsubscribe()
      stopScheduled(scheduled)
      anchor.current = null
    }
  }, [mixPlan, buffers, playing, seekId])

  // The takes' own sound plays at each clip's level (dialogue level plus its own), never above the video's full volume.
  const clipId = plan?.entries[index]?.clipId
  return Math.min(1, Math.max(0, mixPlan?.dialogue.find((level) => level.clipId === clipId)?.gain ?? 1))
}
