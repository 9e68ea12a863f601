import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editTimeline } from '../../../src/shared/interchange/edit-timeline'
import { writeOtio } from '../../../src/shared/interchange/otio'
import { sampleCut } from './cut-fixtures'

type Node = { [key: string]: unknown }
const spec = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/interchange/sample.otio'), 'utf8')) as Node

/** Every schema object in a tree, keyed by its OTIO_SCHEMA, with the sorted field names it was seen with. */
function fieldSets(node: unknown, into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (Array.isArray(node)) node.forEach((child) => fieldSets(child, into))
  else if (node && typeof node === 'object') {
    const object = node as Node
    if (typeof object['OTIO_SCHEMA'] === 'string') {
      const key = `${object['OTIO_SCHEMA']}:${Object.keys(object).sort().join(',')}`
      into.set(object['OTIO_SCHEMA'], (into.get(object['OTIO_SCHEMA']) ?? new Set()).add(key))
    }
    Object.values(object).forEach((child) => fieldSets(child, into))
  }
  return into
}

const written = () => JSON.parse(writeOtio(editTimeline('Harbour film', sampleCut()), { mediaUrl: (name) => `../takes/${name}` })) as Node
const tracksOf = (doc: Node) => (doc['tracks'] as Node)['children'] as Node[]
const childrenOf = (track: Node | undefined) => (track?.['children'] ?? []) as Node[]
const frames = (range: unknown) => ((range as Node)['duration'] as Node)['value']

describe('OpenTimelineIO writer', () => {
  it('uses exactly the schema names, versions and fields of the OpenTimelineIO spec sample', () => {
    const ours = fieldSets(written())
    const theirs = fieldSets(spec)
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort())
    for (const [schema, shapes] of ours) for (const shape of shapes) expect(theirs.get(schema)?.has(shape), shape).toBe(true)
  })

  it('lays the clips on a video track with exact frame durations, a gap for the clip without a take, and names from the titles', () => {
    const [video] = tracksOf(written())
    expect(video?.['kind']).toBe('Video')
    expect(childrenOf(video).map((item) => [item['OTIO_SCHEMA'], item['name'], frames(item['source_range'])])).toEqual([
      ['Clip.2', '01 Harbour at dawn', 120],
      ['Gap.1', '02 Market, noon', 96],
      ['Clip.2', '03 Untitled clip', 60],
    ])
    const reference = (childrenOf(video)[0]?.['media_references'] as Record<string, Node>)['DEFAULT_MEDIA']
    expect(reference?.['target_url']).toBe('../takes/take-h2-0.mp4')
    expect(frames(reference?.['available_range'])).toBe(120)
  })

  it('marks each shot boundary on its clip and keeps the Omniboard ids and prompt in metadata', () => {
    const harbour = childrenOf(tracksOf(written())[0])[0]!
    const markers = harbour['markers'] as Node[]
    expect(markers.map((marker) => [marker['name'], marker['comment'], ((marker['marked_range'] as Node)['start_time'] as Node)['value'], frames(marker['marked_range'])])).toEqual([
      ['Shot 1', 'Wide: the harbour in mist', 0, 48],
      ['Shot 2', 'Close: a gull lands, "hungry"', 48, 72],
    ])
    expect((harbour['metadata'] as Node)['omniboard']).toMatchObject({ clipId: 'clip-harbour', takeId: 'take-h2', takeNumber: 2, prompt: 'Boats rock in the mist' })
  })

  it('keeps what an edit take was made from in its clip’s metadata', () => {
    const cut = sampleCut()
    cut.entries[0] = { ...cut.entries[0]!, lineage: 'Edit of take 1: add falling snow' } as (typeof cut.entries)[0]
    const doc = JSON.parse(writeOtio(editTimeline('Harbour', cut), { mediaUrl: (name) => name })) as Node
    const [harbour, , night] = childrenOf(tracksOf(doc)[0])
    expect((harbour!['metadata'] as Node)['omniboard']).toMatchObject({ takeId: 'take-h2', lineage: 'Edit of take 1: add falling snow' })
    expect((night!['metadata'] as Node)['omniboard']).not.toHaveProperty('lineage')
  })

  it('adds an audio track in step with the video: sound for the take that has it, gaps elsewhere', () => {
    const audio = tracksOf(written())[1]
    expect(audio?.['kind']).toBe('Audio')
    expect(childrenOf(audio).map((item) => [item['OTIO_SCHEMA'], frames(item['source_range'])])).toEqual([['Clip.2', 120], ['Gap.1', 96], ['Gap.1', 60]])
  })

  it('keeps names and prompts in full, accents, CJK and emoji included (only the EDL is ASCII)', () => {
    const cut = sampleCut()
    cut.entries[0] = { ...cut.entries[0]!, title: 'Élodie — 日本 🎬', shots: [{ index: 0, prompt: 'Crème brûlée 🎞️', startSeconds: 0, durationSeconds: 5 }] }
    const doc = JSON.parse(writeOtio(editTimeline('Café — 日本', cut), { mediaUrl: (name) => name })) as Node
    const harbour = childrenOf(tracksOf(doc)[0])[0]!
    expect([doc['name'], harbour['name'], (harbour['markers'] as Node[])[0]!['comment']]).toEqual(['Café — 日本', '01 Élodie — 日本 🎬', 'Crème brûlée 🎞️'])
  })

  it('starts the timeline at one hour at the sequence rate', () => {
    expect(written()['global_start_time']).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 86400 })
  })
})
