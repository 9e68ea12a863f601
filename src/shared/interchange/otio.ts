import type { CutEntry, FrameRate } from '../cut/cut-plan'
import { shotMarkers, type EditEvent, type EditMarker, type EditTimeline } from './edit-timeline'
import { rateValue } from './frame-time'
import type { LaneTrack } from './lane-clips'
import { otioLaneTracks } from './otio-audio'

// Schema names, versions and field sets follow OpenTimelineIO's serialized data model
// (docs/tutorials/otio-serialized-schema-only-fields.md); test/fixtures/interchange/sample.otio is a hand-written
// instance of it that the tests hold this writer to.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

export interface OtioOptions {
  /** The take file's address as written in `target_url`, e.g. a path relative to the .otio file. */
  mediaUrl(fileName: string): string
  /** The sound lanes, as audio tracks after A1, with their files' addresses. */
  lanes?: { tracks: readonly LaneTrack[]; audioUrl(fileName: string): string }
}

/** The cut as an OpenTimelineIO `Timeline.1`, pretty-printed JSON. */
export function writeOtio(timeline: EditTimeline, options: OtioOptions): string {
  const video = timeline.events.map((event) => videoItem(event, timeline.rate, options))
  const audio = timeline.events.map((event) => audioItem(event, timeline.rate, options))
  const tracks = [track('V1', 'Video', video)]
  if (timeline.events.some((event) => event.entry.kind === 'take' && event.entry.media.hasAudio)) tracks.push(track('A1', 'Audio', audio))
  if (options.lanes) tracks.push(...otioLaneTracks(options.lanes.tracks, timeline.rate, options.lanes.audioUrl))
  const doc: JsonObject = {
    OTIO_SCHEMA: 'Timeline.1',
    name: timeline.name,
    global_start_time: rationalTime(timeline.startFrames, timeline.rate),
    metadata: {},
    tracks: { OTIO_SCHEMA: 'Stack.1', ...itemFields('tracks', null, [], {}), children: tracks },
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

function videoItem(event: EditEvent, sequenceRate: FrameRate, options: OtioOptions): JsonObject {
  const { entry } = event
  if (entry.kind !== 'take') return gap(event.name, event.frames, sequenceRate, event.markers, metadataOf(entry))
  return clip(event.name, entry.media.fileName, entry.media.frames, entry.media.frameRate, options, shotMarkers(entry, entry.media.frameRate, entry.media.frames), metadataOf(entry))
}

/** The audio track mirrors the video one so both stay in sync: silent takes and holds become gaps. */
function audioItem(event: EditEvent, sequenceRate: FrameRate, options: OtioOptions): JsonObject {
  const { entry } = event
  if (entry.kind !== 'take' || !entry.media.hasAudio) return gap(event.name, event.frames, sequenceRate, [], {})
  return clip(event.name, entry.media.fileName, entry.media.frames, entry.media.frameRate, options, [], metadataOf(entry))
}

function clip(name: string, fileName: string, frames: number, rate: FrameRate, options: OtioOptions, markers: EditMarker[], metadata: JsonObject): JsonObject {
  const reference: JsonObject = {
    OTIO_SCHEMA: 'ExternalReference.1',
    name: fileName,
    target_url: options.mediaUrl(fileName),
    available_range: timeRange(0, frames, rate),
    available_image_bounds: null,
    metadata: {},
  }
  return {
    OTIO_SCHEMA: 'Clip.2',
    ...itemFields(name, timeRange(0, frames, rate), markers.map((marker) => markerOf(marker, rate)), metadata),
    media_references: { DEFAULT_MEDIA: reference },
    active_media_reference_key: 'DEFAULT_MEDIA',
  }
}

function gap(name: string, frames: number, rate: FrameRate, markers: EditMarker[], metadata: JsonObject): JsonObject {
  return { OTIO_SCHEMA: 'Gap.1', ...itemFields(name, timeRange(0, frames, rate), markers.map((marker) => markerOf(marker, rate)), metadata) }
}

function track(name: string, kind: 'Video' | 'Audio', children: JsonObject[]): JsonObject {
  return { OTIO_SCHEMA: 'Track.1', ...itemFields(name, null, [], {}), kind, children }
}

function itemFields(name: string, sourceRange: JsonObject | null, markers: JsonObject[], metadata: JsonObject): JsonObject {
  return { name, source_range: sourceRange, effects: [], markers, enabled: true, metadata }
}

function markerOf(marker: EditMarker, rate: FrameRate): JsonObject {
  return {
    OTIO_SCHEMA: 'Marker.2',
    name: marker.name,
    marked_range: timeRange(marker.startFrames, marker.durationFrames, rate),
    color: 'GREEN',
    comment: marker.comment,
    metadata: {},
  }
}

function metadataOf(entry: CutEntry): JsonObject {
  const common = { clipId: entry.clipId, clipNumber: entry.clipNumber, prompt: entry.prompt }
  if (entry.kind === 'take') return { omniboard: { ...common, takeId: entry.takeId, takeNumber: entry.takeNumber, ...(entry.lineage ? { lineage: entry.lineage } : {}) } }
  return { omniboard: { ...common, takeId: null, missing: entry.reason } }
}

function timeRange(startFrames: number, durationFrames: number, rate: FrameRate): JsonObject {
  return { OTIO_SCHEMA: 'TimeRange.1', start_time: rationalTime(startFrames, rate), duration: rationalTime(durationFrames, rate) }
}

function rationalTime(frames: number, rate: FrameRate): JsonObject {
  return { OTIO_SCHEMA: 'RationalTime.1', rate: rateValue(rate), value: frames }
}
