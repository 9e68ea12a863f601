import type { AudioFile, AudioKind, Mix } from '../domain/audio-schema'
import { planMix, type ClipSpan } from '../audio/mix-plan'
import type { FrameRate } from '../cut/cut-plan'
import type { EditTimeline } from './edit-timeline'
import { framesAt } from './frame-time'

/** A lane item as an editor places it: whole sequence frames, with its level and fades carried along. */
export interface LaneClip {
  name: string
  /** The stored file's name in the project's `audio/` folder. */
  fileName: string
  fileFrames: number
  channels: number
  sampleRate: number
  recordInFrames: number
  sourceInFrames: number
  frames: number
  gainDb: number
  fadeInSeconds: number
  fadeOutSeconds: number
}

/** One editor track: a lane, or the overflow of a lane whose items overlap (a track cannot hold overlapping clips). */
export interface LaneTrack {
  name: string
  /** A muted lane (or one silenced by another's solo) goes out switched off, not left out. */
  enabled: boolean
  clips: LaneClip[]
}

const extensions: Record<AudioKind, string> = { wav: 'wav', mp3: 'mp3', aac: 'aac', m4a: 'm4a', flac: 'flac', ogg: 'ogg' }

/**
 * The sound lanes laid on an editor's sequence: each item where it sounds in the cut (anchors resolved against the
 * clips' places in `timeline`), cut to its file and to the film, in sequence frames. Every lane goes out, muted ones
 * disabled, so the editor gets the whole temp mix to rework.
 */
export function laneTracks(mix: Mix | undefined, files: readonly AudioFile[], timeline: EditTimeline): LaneTrack[] {
  if (!mix) return []
  const seconds = (frames: number): number => (frames * timeline.rate.den) / timeline.rate.num
  const spans: ClipSpan[] = timeline.events.map((event) => ({ clipId: event.entry.clipId, startSeconds: seconds(event.recordInFrames), durationSeconds: seconds(event.frames) }))
  const byId = new Map(files.map((file) => [file.id, file]))
  const soloing = mix.lanes.some((lane) => lane.solo && !lane.muted)
  return mix.lanes.flatMap((lane) => {
    const alone = { ...mix, lanes: [{ ...lane, muted: false, solo: false }] }
    const clips = planMix(alone, files, spans, seconds(timeline.frames)).sources.flatMap((source) => {
      const file = byId.get(source.audioId)
      const item = lane.items.find((candidate) => candidate.id === source.itemId)
      if (!file || !item) return []
      return [clipOf(file, item.gainDb, source, timeline.rate)]
    })
    return separateOverlaps(lane.name, !lane.muted && (!soloing || lane.solo), clips)
  })
}

function clipOf(file: AudioFile, gainDb: number, source: ReturnType<typeof planMix>['sources'][number], rate: FrameRate): LaneClip {
  return {
    name: file.originalName || `${file.id.slice(0, 8)}.${extensions[file.kind]}`,
    fileName: `${file.id}.${extensions[file.kind]}`,
    fileFrames: Math.max(1, framesAt(file.durationSeconds, rate)),
    channels: file.channels,
    sampleRate: file.sampleRate,
    recordInFrames: framesAt(source.filmStartSeconds, rate),
    sourceInFrames: framesAt(source.sourceInSeconds, rate),
    frames: Math.max(1, framesAt(source.durationSeconds, rate)),
    gainDb,
    fadeInSeconds: source.fadeInSeconds,
    fadeOutSeconds: source.fadeOutSeconds,
  }
}

function separateOverlaps(name: string, enabled: boolean, clips: readonly LaneClip[]): LaneTrack[] {
  const tracks: LaneTrack[] = []
  for (const clip of clips) {
    let track = tracks.find((candidate) => {
      const last = candidate.clips[candidate.clips.length - 1]
      return !last || last.recordInFrames + last.frames <= clip.recordInFrames
    })
    if (!track) tracks.push((track = { name: tracks.length === 0 ? name : `${name} (${tracks.length + 1})`, enabled, clips: [] }))
    track.clips.push(clip)
  }
  return tracks
}
