import { asciiText } from './ascii-text'
import type { EditTimeline } from './edit-timeline'
import { timecode } from './frame-time'
import type { LaneTrack } from './lane-clips'

/** CMX3600's audio channels: the first two sound lanes that play go out as `A` and `A2`; an EDL has room for no more. */
export const EDL_AUDIO_CHANNELS = ['A', 'A2'] as const

/** The lanes an EDL can carry: those that play (an EDL cannot switch a track off), at most two. */
export const edlLaneTracks = (tracks: readonly LaneTrack[]): LaneTrack[] => tracks.filter((track) => track.enabled).slice(0, EDL_AUDIO_CHANNELS.length)

/**
 * Audio events for the lane items, numbered on from `firstNumber`: source in/out in the sound file (counted from
 * 00:00:00:00 at the sequence rate), record in/out on the sequence, the file in `SOURCE FILE`, and the level and
 * fades in a comment, which editors show but do not apply.
 */
export function edlAudioEvents(timeline: EditTimeline, tracks: readonly LaneTrack[], firstNumber: number, maxEvents: number): string[][] {
  const tc = (frames: number): string => timecode(frames, timeline.rate)
  const events: string[][] = []
  edlLaneTracks(tracks).forEach((track, index) => {
    const channel = EDL_AUDIO_CHANNELS[index]!.padEnd(6)
    for (const clip of track.clips) {
      const number = firstNumber + events.length
      if (number > maxEvents) return
      const recordIn = timeline.startFrames + clip.recordInFrames
      events.push([
        `${String(number).padStart(3, '0')}  ${'AX'.padEnd(8)} ${channel}C        ${tc(clip.sourceInFrames)} ${tc(clip.sourceInFrames + clip.frames)} ${tc(recordIn)} ${tc(recordIn + clip.frames)}`,
        `* FROM CLIP NAME: ${asciiText(clip.name)}`,
        `* SOURCE FILE: ${clip.fileName}`,
        `* LEVEL: ${clip.gainDb.toFixed(1)} dB, FADE IN ${clip.fadeInSeconds.toFixed(2)} s, FADE OUT ${clip.fadeOutSeconds.toFixed(2)} s`,
      ])
    }
  })
  return events
}

