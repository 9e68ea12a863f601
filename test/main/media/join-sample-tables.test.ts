import { describe, expect, it } from 'vitest'
import { buildFilmHeader } from '../../../src/main/services/media/film-moov'
import { layoutJoin, selectAudio, type JoinTake } from '../../../src/main/services/media/join-sample-tables'
import { boxHeaderBytes } from '../../../src/main/services/media/mp4-box-writer'
import { childBoxes } from '../../../src/main/services/media/mp4-boxes'
import { readTrackTables, type Mp4TrackTables } from '../../../src/main/services/media/mp4-track-tables'

const VIDEO_SCALE = 12_288
const TICKS_PER_FRAME = VIDEO_SCALE / 24
const AAC = 1024
const GB = 1024 ** 3

/** A minimal but valid sample description, so the built index parses back. */
const stsd = (entry: string): Uint8Array => {
  const bytes = Buffer.alloc(16 + 8)
  bytes.writeUInt32BE(bytes.byteLength, 0)
  bytes.write('stsd', 4, 'latin1')
  bytes.writeUInt32BE(1, 12)
  bytes.writeUInt32BE(8, 16)
  bytes.write(entry, 20, 'latin1')
  return bytes
}

const tkhd = (): Uint8Array => {
  const bytes = Buffer.alloc(92)
  bytes.writeUInt32BE(92, 0)
  bytes.write('tkhd', 4, 'latin1')
  return bytes
}

function track(handler: 'vide' | 'soun', samples: number, chunks: { offset: number; count: number }[], extra: Partial<Mp4TrackTables> = {}): Mp4TrackTables {
  let firstSample = 0
  return {
    handler,
    trackId: handler === 'vide' ? 1 : 2,
    timescale: handler === 'vide' ? VIDEO_SCALE : 48_000,
    tkhd: tkhd(),
    stsd: stsd(handler === 'vide' ? 'avc1' : 'mp4a'),
    sizes: new Uint32Array(samples).fill(100),
    deltas: new Uint32Array(samples).fill(handler === 'vide' ? TICKS_PER_FRAME : AAC),
    compositionOffsets: null,
    syncSamples: null,
    chunks: chunks.map((chunk) => {
      const placed = { ...chunk, firstSample }
      firstSample += chunk.count
      return placed
    }),
    editMediaTime: 0,
    copyIssue: null,
    ...extra,
  }
}

/** The film's index parsed back from the header bytes (ftyp, moov, then the mdat header), track by track. */
function parsedTracks(header: Buffer, payloadBytes: number): Mp4TrackTables[] {
  const index = header.subarray(0, header.byteLength - boxHeaderBytes(payloadBytes))
  const moov = childBoxes(index).find((box) => box.type === 'moov')!
  return childBoxes(index, moov).filter((box) => box.type === 'trak').map((trak) => readTrackTables(index, trak))
}

describe('the copy join sample tables', () => {
  it('rebases each take\'s chunks onto where its bytes land, after the index, each take exactly its frame count long', () => {
    // Encoders sometimes give the last frame an odd duration; the next take must still start on its frame boundary.
    const oddLast = Uint32Array.from([TICKS_PER_FRAME, TICKS_PER_FRAME, TICKS_PER_FRAME, 7])
    const takes: JoinTake[] = [
      { video: track('vide', 4, [{ offset: 1_000, count: 2 }, { offset: 1_200, count: 2 }], { deltas: oddLast }), audio: null, frameRate: { num: 24, den: 1 }, range: { start: 1_000, end: 1_400 } },
      { video: track('vide', 2, [{ offset: 48, count: 2 }]), audio: null, frameRate: { num: 24, den: 1 }, range: { start: 48, end: 248 } },
    ]
    const layout = layoutJoin(takes, takes.map(() => ({ first: 0, count: 0, silentFrames: 0 })), null)
    const header = buildFilmHeader(layout)
    const payloadStart = header.bytes.byteLength
    const [video] = parsedTracks(header.bytes, layout.payloadBytes)

    expect(header.wideOffsets).toBe(false)
    expect(video!.chunks.map((chunk) => chunk.offset)).toEqual([payloadStart, payloadStart + 200, payloadStart + 400])
    expect(Array.from(video!.deltas.subarray(0, 4)).reduce((sum, delta) => sum + delta, 0)).toBe(4 * TICKS_PER_FRAME)
    expect(Array.from(video!.deltas).reduce((sum, delta) => sum + delta, 0)).toBe(6 * TICKS_PER_FRAME)
  })

  it('keeps only the chosen sound samples when the chosen run starts or ends inside a chunk, then the silence after them', () => {
    const sound = track('soun', 6, [{ offset: 500, count: 3 }, { offset: 900, count: 3 }])
    const takes: JoinTake[] = [{ video: track('vide', 2, [{ offset: 0, count: 2 }]), audio: sound, frameRate: { num: 24, den: 1 }, range: { start: 0, end: 1_200 } }]
    const layout = layoutJoin(takes, [{ first: 1, count: 4, silentFrames: 2 }], { frameBytes: 6, frameSamples: AAC })

    expect(layout.audio!.chunks).toEqual([{ offset: 600, count: 2 }, { offset: 900, count: 2 }, { offset: 1_200, count: 2 }])
    expect(layout.audio!.sizes).toEqual([100, 100, 100, 100, 6, 6])
    expect(layout.payloadBytes).toBe(1_212)
  })

  it('switches to 64-bit chunk offsets and a 64-bit mdat size once the film passes 4 GB', () => {
    const takes: JoinTake[] = [
      { video: track('vide', 2, [{ offset: 40, count: 1 }, { offset: 3 * GB, count: 1 }]), audio: null, frameRate: { num: 24, den: 1 }, range: { start: 40, end: 3 * GB + 100 } },
      { video: track('vide', 2, [{ offset: 40, count: 1 }, { offset: 2 * GB, count: 1 }]), audio: null, frameRate: { num: 24, den: 1 }, range: { start: 40, end: 2 * GB + 100 } },
    ]
    const layout = layoutJoin(takes, takes.map(() => ({ first: 0, count: 0, silentFrames: 0 })), null)
    const header = buildFilmHeader(layout)
    const payloadStart = header.bytes.byteLength
    const mdat = header.bytes.subarray(payloadStart - 16)

    expect(header.wideOffsets).toBe(true)
    expect([mdat.toString('latin1', 4, 8), mdat.readUInt32BE(0), Number(mdat.readBigUInt64BE(8))]).toEqual(['mdat', 1, layout.payloadBytes + 16])
    const second = 3 * GB + 60
    expect(parsedTracks(header.bytes, layout.payloadBytes)[0]!.chunks.map((chunk) => chunk.offset)).toEqual([
      payloadStart, payloadStart + 3 * GB - 40, payloadStart + second, payloadStart + second + 2 * GB - 40,
    ])
  })

  it('starts every take\'s picture on its frame-count boundary even when B-frame delays differ between takes', () => {
    // Decoded in the order 0 2 1, shown 1 3 2 frames later: one frame of delay, which the next take does not have.
    const delayed = track('vide', 3, [{ offset: 0, count: 3 }], { compositionOffsets: Int32Array.from([1, 2, 0].map((frames) => frames * TICKS_PER_FRAME)) })
    const plain = track('vide', 2, [{ offset: 0, count: 2 }])
    const layout = layoutJoin([delayed, plain].map((video) => ({ video, audio: null, frameRate: { num: 24, den: 1 }, range: { start: 0, end: 300 } })), [0, 0].map(() => ({ first: 0, count: 0, silentFrames: 0 })), null)
    const presented = layout.video.deltas.map((_, index) => layout.video.deltas.slice(0, index).reduce((sum, delta) => sum + delta, 0) + layout.video.compositionOffsets![index]! - layout.video.editMediaTime)

    expect(presented.map((ticks) => ticks / TICKS_PER_FRAME)).toEqual([0, 2, 1, 3, 4])
  })
})

describe('the copy join sound clock', () => {
  /** A take of `frames` at 24 fps; with sound, AAC as encoders write it: one priming frame hidden by the edit, a short last frame. */
  function take(frames: number, sound: boolean): JoinTake {
    const samples = Math.ceil((frames / 24) * 48_000 / AAC) + 1
    const deltas = new Uint32Array(samples).fill(AAC)
    deltas[samples - 1] = 768
    return {
      video: track('vide', frames, [{ offset: 0, count: frames }]),
      audio: sound ? track('soun', samples, [{ offset: 0, count: samples }], { deltas, editMediaTime: AAC }) : null,
      frameRate: { num: 24, den: 1 },
      range: { start: 0, end: 1 },
    }
  }

  it('keeps the sound within half an AAC frame of every take\'s start over 20 takes, dropping each take\'s priming', () => {
    const takes = Array.from({ length: 20 }, (_, index) => take(240 + (index % 3), index % 4 !== 3))
    const selections = selectAudio(takes, { sampleRate: 48_000, frameSamples: AAC })
    let videoAt = 0
    let audioAt = 0
    for (const [index, selection] of selections.entries()) {
      expect(Math.abs(audioAt - (videoAt / VIDEO_SCALE) * 48_000)).toBeLessThanOrEqual(AAC / 2)
      const own = takes[index]!.audio
      if (own) expect(selection.first).toBe(1)
      audioAt += (own ? Array.from(own.deltas.subarray(selection.first, selection.first + selection.count)).reduce((sum, delta) => sum + delta, 0) : 0) + selection.silentFrames * AAC
      videoAt += takes[index]!.video.sizes.length * TICKS_PER_FRAME
    }
    expect(Math.abs(audioAt - (videoAt / VIDEO_SCALE) * 48_000)).toBeLessThanOrEqual(AAC / 2)
    expect(selections[3]!.silentFrames).toBe(Math.round((240 * 2_000) / AAC))
  })
})
