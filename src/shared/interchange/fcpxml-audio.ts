import type { EditTimeline } from './edit-timeline'
import { rationalSeconds } from './frame-time'
import type { LaneTrack } from './lane-clips'
import { xmlElement } from './xml-text'

export interface FcpxmlLanes {
  /** One `<asset>` per sound file, ids `s1`, `s2`… */
  assets: string[]
  /** The connected clips to put inside each spine item, by the item's index in `timeline.events`. */
  connected: Map<number, string[]>
}

/**
 * The sound lanes as connected audio clips under the spine, lane 1 at `lane="-1"` and so on down: each hangs off the
 * spine item playing where it starts (its offset counted in that item's time), plays its part of the file
 * (`start`), carries its gain as `adjust-volume` and its fades as the volume's `fadeIn`/`fadeOut`, and a muted
 * lane's clips are disabled. The sound files are assets with audio only.
 */
export function fcpxmlLanes(timeline: EditTimeline, tracks: readonly LaneTrack[], audioUrl: (fileName: string) => string, indent: string): FcpxmlLanes {
  const time = (frames: number): string => rationalSeconds(frames, timeline.rate)
  const assetIds = new Map<string, string>()
  const assets: string[] = []
  const connected = new Map<number, string[]>()
  tracks.forEach((track, laneIndex) => {
    for (const clip of track.clips) {
      let assetId = assetIds.get(clip.fileName)
      if (!assetId) {
        assetId = `s${assetIds.size + 1}`
        assetIds.set(clip.fileName, assetId)
        const audio = { hasAudio: 1, audioSources: 1, audioChannels: clip.channels, audioRate: clip.sampleRate }
        assets.push(xmlElement('asset', { id: assetId, name: clip.name, start: '0s', duration: time(clip.fileFrames), hasVideo: 0, ...audio }, [xmlElement('media-rep', { kind: 'original-media', src: audioUrl(clip.fileName) }, [], '      ')], '    '))
      }
      const parent = parentIndex(timeline, clip.recordInFrames)
      const parentStart = timeline.events[parent]?.recordInFrames ?? 0
      const fades = [
        clip.fadeInSeconds > 0 ? xmlElement('fadeIn', { type: 'linear', duration: seconds(clip.fadeInSeconds) }) : null,
        clip.fadeOutSeconds > 0 ? xmlElement('fadeOut', { type: 'linear', duration: seconds(clip.fadeOutSeconds) }) : null,
      ].filter((fade): fade is string => fade !== null)
      const volume = xmlElement('adjust-volume', { amount: `${clip.gainDb.toFixed(1)}dB` }, fades.length > 0 ? [xmlElement('param', { name: 'amount' }, fades.map((fade) => `${indent}    ${fade}`), `${indent}  `)] : [], `${indent}  `)
      const attributes = { ref: assetId, lane: -(laneIndex + 1), offset: time(clip.recordInFrames - parentStart), name: clip.name, start: time(clip.sourceInFrames), duration: time(clip.frames), enabled: track.enabled ? 1 : 0, audioRole: 'music' }
      connected.set(parent, [...(connected.get(parent) ?? []), xmlElement('asset-clip', attributes, [volume], indent)])
    }
  })
  return { assets, connected }
}

/** The spine item playing at `frames` (the last one past the end). */
function parentIndex(timeline: EditTimeline, frames: number): number {
  let found = 0
  timeline.events.forEach((event, index) => {
    if (event.recordInFrames <= frames) found = index
  })
  return found
}

/** Fade lengths in milliseconds as FCPXML time, so they need no frame rate. */
const seconds = (value: number): string => `${Math.round(value * 1000)}/1000s`
