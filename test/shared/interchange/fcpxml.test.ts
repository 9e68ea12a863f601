// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { editTimeline } from '../../../src/shared/interchange/edit-timeline'
import { writeFcpxml } from '../../../src/shared/interchange/fcpxml'
import { media, sampleCut } from './cut-fixtures'

/** A strict parse: jsdom's XML parser returns a <parsererror> document for anything malformed. */
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc
}

/** "86400/24s" → seconds as a fraction we can compare exactly. */
function seconds(value: string | null): number {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(value ?? '')
  if (!match) throw new Error(`not an FCPXML time: ${value}`)
  return Number(match[1]) / Number(match[2] ?? 1)
}

const options = { mediaUrl: (name: string) => `file:///Users/ana/Films/Harbour%20film.omniboard/takes/${name}`, fallbackSize: { width: 1280, height: 720 } }
const attrs = (element: Element, ...names: string[]) => names.map((name) => element.getAttribute(name))

describe('FCPXML writer', () => {
  it('writes a version 1.9 document whose spine plays each clip for its exact length, end to end from one hour', () => {
    const doc = parse(writeFcpxml(editTimeline('Harbour film', sampleCut()), options))
    expect(doc.documentElement.getAttribute('version')).toBe('1.9')
    const sequence = doc.querySelector('library > event > project > sequence')!
    expect(seconds(sequence.getAttribute('tcStart'))).toBe(3600)
    expect(seconds(sequence.getAttribute('duration'))).toBe(11.5)
    const spine = [...doc.querySelector('sequence > spine')!.children]
    expect(spine.map((item) => [item.tagName, item.getAttribute('name'), seconds(item.getAttribute('offset')), seconds(item.getAttribute('duration'))])).toEqual([
      ['asset-clip', '01 Harbour at dawn', 3600, 5],
      ['gap', '02 Market, noon', 3605, 4],
      ['asset-clip', '03 Untitled clip', 3609, 2.5],
    ])
  })

  it('points each asset-clip at an asset with the take file as its original media, in a format of the take’s size and rate', () => {
    const doc = parse(writeFcpxml(editTimeline('Harbour film', sampleCut()), options))
    const clip = doc.querySelector('spine > asset-clip')!
    const asset = doc.querySelector(`resources > asset[id="${clip.getAttribute('ref')}"]`)!
    expect(attrs(asset, 'name', 'hasVideo', 'hasAudio')).toEqual(['take-h2-0.mp4', '1', '1'])
    expect(seconds(asset.getAttribute('duration'))).toBe(5)
    expect(asset.querySelector('media-rep')?.getAttribute('src')).toBe('file:///Users/ana/Films/Harbour%20film.omniboard/takes/take-h2-0.mp4')
    const format = doc.querySelector(`resources > format[id="${asset.getAttribute('format')}"]`)!
    expect(attrs(format, 'frameDuration', 'width', 'height')).toEqual(['1/24s', '1280', '720'])
  })

  it('marks the shot boundaries inside each clip, prompts and quotes intact', () => {
    const doc = parse(writeFcpxml(editTimeline('Harbour film', sampleCut()), options))
    const markers = [...doc.querySelectorAll('spine > asset-clip')[0]!.querySelectorAll('marker')]
    expect(markers.map((marker) => [marker.getAttribute('value'), marker.getAttribute('note'), seconds(marker.getAttribute('start')), seconds(marker.getAttribute('duration'))])).toEqual([
      ['Shot 1', 'Wide: the harbour in mist', 0, 2],
      ['Shot 2', 'Close: a gull lands, "hungry"', 2, 3],
    ])
    expect(doc.querySelector('spine > gap marker')?.getAttribute('note')).toBe('Crowds & stalls')
  })

  it('keeps NTSC takes on exact frame boundaries', () => {
    const cut = sampleCut()
    const ntsc = { num: 30000, den: 1001 }
    cut.entries = cut.entries.map((entry) => (entry.kind === 'take' ? { ...entry, media: media(entry.media.fileName, 150, { frameRate: ntsc, durationSeconds: 150 * 1.001 / 30 }) } : entry))
    const doc = parse(writeFcpxml(editTimeline('NTSC', cut), options))
    expect(doc.querySelector('resources > format')?.getAttribute('frameDuration')).toBe('1001/30000s')
    expect(doc.querySelector('sequence')?.getAttribute('tcStart')).toBe('108108000/30000s')
    expect(doc.querySelector('spine > asset-clip')?.getAttribute('duration')).toBe('150150/30000s')
  })
})
