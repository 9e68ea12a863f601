import { describe, expect, it } from 'vitest'
import { buildFilmHeader } from '../../../src/main/services/media/film-moov'
import { layoutJoin, selectAudio, type JoinTake } from '../../../src/main/services/media/join-sample-tables'
import { boxHeaderBytes } from '../../../src/main/services/media/mp4-box-writer'
import { childBoxes } from '../../../src/main/services/media/mp4-boxes'
import type { Mp4TrackTables } from '../../../src/main/services/media/mp4-track-tables'

const TAKES = 1500
const FRAMES = 96
const SOUND_FRAMES = 188

/** A track laid out as ffmpeg interleaves a small take: every sample its own chunk, each after the last. */
function track(handler: 'vide' | 'soun', samples: number, firstOffset: number, spacing: number): Mp4TrackTables {
  const header = (type: string, size: number) => {
    const bytes = Buffer.alloc(size)
    bytes.writeUInt32BE(size, 0)
    bytes.write(type, 4, 'latin1')
    return bytes
  }
  const stsd = header('stsd', 24)
  stsd.writeUInt32BE(1, 12)
  stsd.writeUInt32BE(8, 16)
  stsd.write(handler === 'vide' ? 'avc1' : 'mp4a', 20, 'latin1')
  return {
    handler, trackId: handler === 'vide' ? 1 : 2, timescale: handler === 'vide' ? 12_288 : 48_000, tkhd: header('tkhd', 92), stsd,
    sizes: new Uint32Array(samples).fill(100), deltas: new Uint32Array(samples).fill(handler === 'vide' ? 512 : 1024),
    compositionOffsets: null, syncSamples: null, editMediaTime: 0, copyIssue: null,
    chunks: Array.from({ length: samples }, (_, sample) => ({ offset: firstOffset + sample * spacing, count: 1, firstSample: sample })),
  }
}

describe('the copy join at feature-film scale', () => {
  it('writes the index of 1,500 takes whose every sample is its own chunk, and it parses back whole', () => {
    const takes: JoinTake[] = Array.from({ length: TAKES }, () => ({
      video: track('vide', FRAMES, 48, 300),
      audio: track('soun', SOUND_FRAMES, 148, 150),
      frameRate: { num: 24, den: 1 },
      range: { start: 48, end: 48 + FRAMES * 300 },
    }))
    const layout = layoutJoin(takes, selectAudio(takes, { sampleRate: 48_000, frameSamples: 1024 }), { frameBytes: 6, frameSamples: 1024 })
    const header = buildFilmHeader(layout)
    const index = header.bytes.subarray(0, header.bytes.byteLength - boxHeaderBytes(layout.payloadBytes))
    // Walked by hand: readTrackTables refuses more samples than one take holds, which a whole film has.
    const child = (parent: ReturnType<typeof childBoxes>[number] | undefined, type: string) => childBoxes(index, parent).find((box) => box.type === type)!
    const traks = childBoxes(index, child(undefined, 'moov')).filter((box) => box.type === 'trak')
    const entries = (trak: (typeof traks)[number], type: string) => {
      const box = child(child(child(child(trak, 'mdia'), 'minf'), 'stbl'), type)
      return { count: index.readUInt32BE(box.payload + 4), first: index.readUInt32BE(box.payload + 8) }
    }

    expect(traks).toHaveLength(2)
    expect(entries(traks[0]!, 'stsz').first).toBe(TAKES * FRAMES) // stsz: one size for every sample, then their count
    expect(entries(traks[0]!, 'stco').count).toBe(TAKES * FRAMES)
    expect(entries(traks[1]!, 'stco').count).toBeGreaterThan(TAKES * (SOUND_FRAMES - 2))
    expect(entries(traks[0]!, 'stco').first).toBe(header.bytes.byteLength)
  })
})
