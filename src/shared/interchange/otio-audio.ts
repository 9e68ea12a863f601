import type { FrameRate } from '../cut/cut-plan'
import type { LaneTrack } from './lane-clips'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/**
 * The sound lanes as OTIO audio tracks beside A1: gaps between items, each item a Clip whose ExternalReference is
 * the sound file (its `available_range` the whole file) and whose `source_range` is the part that plays; level and
 * fades in `metadata.omniboard`, as OTIO has no schema for them.
 */
export function otioLaneTracks(tracks: readonly LaneTrack[], rate: FrameRate, audioUrl: (fileName: string) => string): JsonObject[] {
  return tracks.map((track) => {
    const children: JsonObject[] = []
    let position = 0
    for (const clip of track.clips) {
      if (clip.recordInFrames > position) children.push(item('Gap.1', '', range(0, clip.recordInFrames - position, rate), {}))
      const reference: JsonObject = { OTIO_SCHEMA: 'ExternalReference.1', name: clip.fileName, target_url: audioUrl(clip.fileName), available_range: range(0, clip.fileFrames, rate), available_image_bounds: null, metadata: {} }
      const levels = { omniboard: { gainDb: clip.gainDb, fadeInSeconds: clip.fadeInSeconds, fadeOutSeconds: clip.fadeOutSeconds } }
      children.push({ ...item('Clip.2', clip.name, range(clip.sourceInFrames, clip.frames, rate), levels), media_references: { DEFAULT_MEDIA: reference }, active_media_reference_key: 'DEFAULT_MEDIA' })
      position = clip.recordInFrames + clip.frames
    }
    return { OTIO_SCHEMA: 'Track.1', name: track.name, source_range: null, effects: [], markers: [], enabled: track.enabled, metadata: {}, kind: 'Audio', children }
  })
}

function item(schema: string, name: string, sourceRange: JsonObject, metadata: JsonObject): JsonObject {
  return { OTIO_SCHEMA: schema, name, source_range: sourceRange, effects: [], markers: [], enabled: true, metadata }
}

function range(startFrames: number, durationFrames: number, rate: FrameRate): JsonObject {
  const time = (value: number): JsonObject => ({ OTIO_SCHEMA: 'RationalTime.1', rate: rate.num / rate.den, value })
  return { OTIO_SCHEMA: 'TimeRange.1', start_time: time(startFrames), duration: time(durationFrames) }
}
