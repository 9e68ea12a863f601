import type { FrameRate, TakeMedia } from '../cut/cut-plan'
import { shotMarkers, type EditMarker, type EditTimeline } from './edit-timeline'
import { rationalSeconds, sameRate } from './frame-time'
import { xmlAttr, xmlElement } from './xml-text'
import { fcpxmlLanes } from './fcpxml-audio'
import type { LaneTrack } from './lane-clips'

// FCPXML 1.9 is the oldest version with <media-rep> (1.8 and earlier put `src` on <asset>); Final Cut Pro 10.4.9+
// and DaVinci Resolve 17+ import it.
export const FCPXML_VERSION = '1.9'
const CLIP_INDENT = ' '.repeat(12)

export interface FcpxmlOptions {
  /** The take file's absolute `file://` URL: FCPXML's media-rep wants a URL, and relative ones are not portable. */
  mediaUrl(fileName: string): string
  /** Frame size when no clip has a take to take it from. */
  fallbackSize: { width: number; height: number }
  /** The sound lanes, as connected audio clips, with their files' absolute `file://` URLs. */
  lanes?: { tracks: readonly LaneTrack[]; audioUrl(fileName: string): string }
}

interface Format {
  id: string
  rate: FrameRate
  width: number
  height: number
}

/** The cut as a Final Cut Pro X XML document: one project whose spine holds an asset-clip or gap per clip. */
export function writeFcpxml(timeline: EditTimeline, options: FcpxmlOptions): string {
  const formats = new Map<string, Format>()
  const formatFor = (rate: FrameRate, width: number, height: number): Format => {
    const key = `${rate.num}/${rate.den}@${width}x${height}`
    const existing = formats.get(key)
    if (existing) return existing
    const created = { id: `r${formats.size + 1}`, rate, width, height }
    formats.set(key, created)
    return created
  }
  const firstTake = timeline.events.find((event) => event.entry.kind === 'take')?.entry
  const size = firstTake?.kind === 'take' ? firstTake.media : options.fallbackSize
  const sequenceFormat = formatFor(timeline.rate, size.width, size.height)

  const assets: string[] = []
  const lanes = options.lanes ? fcpxmlLanes(timeline, options.lanes.tracks, options.lanes.audioUrl, `${CLIP_INDENT}  `) : null
  const spine = timeline.events.map((event, index) => {
    // Connected clips come before markers inside a spine item, as the DTD orders them.
    const connected = lanes?.connected.get(index) ?? []
    const offset = rationalSeconds(timeline.startFrames + event.recordInFrames, timeline.rate)
    const duration = rationalSeconds(event.frames, timeline.rate)
    const { entry } = event
    if (entry.kind !== 'take') {
      return xmlElement('gap', { name: event.name, offset, start: '0s', duration }, [...connected, ...markers(event.markers, timeline.rate)], CLIP_INDENT)
    }
    const format = formatFor(entry.media.frameRate, entry.media.width, entry.media.height)
    const assetId = `a${assets.length + 1}`
    assets.push(asset(assetId, entry.media, format, options))
    // Markers live in the clip's own (source) time, counted at the sequence rate when the take's rate matches it.
    const atSequenceRate = sameRate(entry.media.frameRate, timeline.rate)
    const clipMarkers = atSequenceRate ? markers(event.markers, timeline.rate) : markers(shotMarkers(entry, entry.media.frameRate, entry.media.frames), entry.media.frameRate)
    // An edit take says what it was made from in the clip's note, which the DTD puts first.
    const note = entry.lineage ? [`${CLIP_INDENT}  <note>${xmlAttr(entry.lineage)}</note>`] : []
    return xmlElement('asset-clip', { ref: assetId, name: event.name, offset, start: '0s', duration, format: format.id, tcFormat: 'NDF' }, [...note, ...connected, ...clipMarkers], CLIP_INDENT)
  })

  const resources = [...formats.values()].map((format) =>
    xmlElement('format', { id: format.id, frameDuration: rationalSeconds(1, format.rate), width: format.width, height: format.height }, [], '    '),
  )
  const sequence = xmlElement(
    'sequence',
    { format: sequenceFormat.id, duration: rationalSeconds(timeline.frames, timeline.rate), tcStart: rationalSeconds(timeline.startFrames, timeline.rate), tcFormat: 'NDF' },
    [xmlElement('spine', {}, spine, '          ')],
    '        ',
  )
  const project = xmlElement('project', { name: timeline.name }, [sequence], '      ')
  const library = xmlElement('library', {}, [xmlElement('event', { name: timeline.name }, [project], '    ')], '  ')
  const body = xmlElement('fcpxml', { version: FCPXML_VERSION }, [xmlElement('resources', {}, [...resources, ...assets, ...(lanes?.assets ?? [])], '  '), library])
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>\n${body}\n`
}

function asset(id: string, media: TakeMedia, format: Format, options: FcpxmlOptions): string {
  // Final Cut and Resolve write the channel count and the rate in Hz on every asset with sound and rely on them.
  const audio: Record<string, string | number> = media.hasAudio
    ? { hasAudio: 1, audioSources: 1, audioChannels: media.audioChannels, audioRate: media.audioRate }
    : { hasAudio: 0 }
  return xmlElement(
    'asset',
    { id, name: media.fileName, start: '0s', duration: rationalSeconds(media.frames, media.frameRate), hasVideo: 1, format: format.id, ...audio },
    [xmlElement('media-rep', { kind: 'original-media', src: options.mediaUrl(media.fileName) }, [], '      ')],
    '    ',
  )
}

function markers(list: readonly EditMarker[], rate: FrameRate): string[] {
  return list.map((marker) =>
    xmlElement('marker', { start: rationalSeconds(marker.startFrames, rate), duration: rationalSeconds(marker.durationFrames, rate), value: marker.name, note: marker.comment }, [], `${CLIP_INDENT}  `),
  )
}
