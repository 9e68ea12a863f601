import type { AudioFile, AudioItem, AudioLane, Mix } from '../domain/audio-schema'

/** Where a clip sits in the film: from the cut plan when playing or exporting, from clip durations on the timeline. */
export interface ClipSpan {
  clipId: string
  startSeconds: number
  durationSeconds: number
}

/** One lane item as it sounds: which part of which file, when in the film, how loud, with what fades. */
export interface MixSource {
  itemId: string
  laneId: string
  audioId: string
  filmStartSeconds: number
  sourceInSeconds: number
  durationSeconds: number
  /** Linear gain (1 = as recorded). */
  gain: number
  fadeInSeconds: number
  fadeOutSeconds: number
}

/** The level of one clip's own sound (its take), linear, never above 1. */
export interface DialogueLevel {
  clipId: string
  startSeconds: number
  durationSeconds: number
  gain: number
}

export interface MixPlan {
  sources: MixSource[]
  dialogue: DialogueLevel[]
}

export const dbToGain = (db: number): number => Math.pow(10, db / 20)

/** The film time an item starts at: its clip's start plus its offset when anchored to a clip still in the film. */
export function itemFilmStart(item: Pick<AudioItem, 'startSeconds' | 'anchor'>, clips: readonly ClipSpan[]): number {
  const clip = item.anchor ? clips.find((span) => span.clipId === item.anchor!.clipId) : undefined
  return clip && item.anchor ? clip.startSeconds + item.anchor.offsetSeconds : item.startSeconds
}

/**
 * Where an item placed at `filmSeconds` is kept: at that film time, and, when it follows clips, relative to the clip
 * playing then (the last clip for a time past the end), so later moves of that clip carry it along.
 */
export function placeItem(filmSeconds: number, followsClip: boolean, clips: readonly ClipSpan[]): Pick<AudioItem, 'startSeconds' | 'anchor'> {
  const startSeconds = Math.max(0, filmSeconds)
  if (!followsClip || clips.length === 0) return { startSeconds, anchor: null }
  const clip = [...clips].reverse().find((span) => span.startSeconds <= startSeconds + 1e-9) ?? clips[0]!
  return { startSeconds, anchor: { clipId: clip.clipId, offsetSeconds: startSeconds - clip.startSeconds } }
}

/** The lanes that sound: the soloed ones when any is, else every lane not muted; a muted lane is silent even when soloed. */
export function audibleLanes(lanes: readonly AudioLane[]): AudioLane[] {
  const soloing = lanes.some((lane) => lane.solo && !lane.muted)
  return lanes.filter((lane) => !lane.muted && (!soloing || lane.solo))
}

/**
 * The mix as a timed list: every audible lane item cut to its file, to the film's length and to time zero, with its
 * gain and fades (shortened so they fit the part that plays), and the level of each clip's own sound. Pure: Play film
 * schedules it with Web Audio, Export film writes it as an ffmpeg filter graph, so both sound alike.
 */
export function planMix(mix: Mix, files: readonly AudioFile[], clips: readonly ClipSpan[], filmSeconds: number): MixPlan {
  const byId = new Map(files.map((file) => [file.id, file]))
  const sources: MixSource[] = []
  for (const lane of audibleLanes(mix.lanes)) {
    for (const item of lane.items) {
      const file = byId.get(item.audioId)
      if (!file) continue
      const source = timedSource(lane.id, item, file, itemFilmStart(item, clips), filmSeconds)
      if (source) sources.push(source)
    }
  }
  sources.sort((a, b) => a.filmStartSeconds - b.filmStartSeconds)
  const dialogue = clips.map((clip) => ({
    clipId: clip.clipId,
    startSeconds: clip.startSeconds,
    durationSeconds: clip.durationSeconds,
    gain: Math.min(1, dbToGain(mix.dialogueDb + (mix.clipDialogueDb[clip.clipId] ?? 0))),
  }))
  return { sources, dialogue }
}

function timedSource(laneId: string, item: AudioItem, file: AudioFile, start: number, filmSeconds: number): MixSource | null {
  const head = Math.max(0, -start)
  const sourceIn = item.sourceInSeconds + head
  const filmStart = start + head
  const duration = Math.min(item.durationSeconds - head, file.durationSeconds - sourceIn, filmSeconds - filmStart)
  if (!(duration > 1e-3)) return null
  let fadeIn = Math.max(0, item.fadeInSeconds - head)
  let fadeOut = item.fadeOutSeconds
  if (fadeIn + fadeOut > duration) {
    const scale = duration / (fadeIn + fadeOut)
    fadeIn *= scale
    fadeOut *= scale
  }
  return { itemId: item.id, laneId, audioId: item.audioId, filmStartSeconds: filmStart, sourceInSeconds: sourceIn, durationSeconds: duration, gain: dbToGain(item.gainDb), fadeInSeconds: fadeIn, fadeOutSeconds: fadeOut }
}

/** The linear gain of `source` at `secondsIntoItem`: its gain under straight-line fades in and out (as ffmpeg's `afade` and Web Audio ramps). */
export function sourceGainAt(source: Pick<MixSource, 'gain' | 'durationSeconds' | 'fadeInSeconds' | 'fadeOutSeconds'>, secondsIntoItem: number): number {
  if (secondsIntoItem < 0 || secondsIntoItem > source.durationSeconds) return 0
  const fadeIn = source.fadeInSeconds > 0 ? Math.min(1, secondsIntoItem / source.fadeInSeconds) : 1
  const left = source.durationSeconds - secondsIntoItem
  const fadeOut = source.fadeOutSeconds > 0 ? Math.min(1, left / source.fadeOutSeconds) : 1
  return source.gain * fadeIn * fadeOut
}

/** True when the mix changes nothing: no lane item sounds and every clip's sound is at full level. */
export const isPlainMix = (plan: MixPlan): boolean => plan.sources.length === 0 && plan.dialogue.every((level) => level.gain === 1)

/** Clip spans laid end to end from the clips' durations, as the timeline shows them before any take is probed. */
export function spansFromDurations(clips: readonly { id: string; duration: number }[]): ClipSpan[] {
  let start = 0
  return clips.map((clip) => {
    const span = { clipId: clip.id, startSeconds: start, durationSeconds: clip.duration }
    start += clip.duration
    return span
  })
}
