import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AAC_FRAME_SAMPLES, aacSegments, segmentCount } from '../../../src/main/services/media/aac-segments'
import { encodeMix } from '../../../src/main/services/media/encode-mix'
import { decodeFilmSound, MEASURE_RATE } from './film-sound-measure'

const RATE = 48_000
const SAMPLES = 3 * RATE + 500
/** A click one sample long, placed off any frame boundary, to time the encoded sound to the sample. */
const CLICK_AT = 100_321

let work: string
let pcmPath: string

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-encode-mix-'))
  pcmPath = path.join(work, 'mix.f32')
  // A chord that changes every 0.3 s (so a join can land on a change) and the click, in both channels.
  const pcm = new Float32Array(SAMPLES * 2)
  for (let n = 0; n < SAMPLES; n++) {
    const t = n / RATE
    const step = Math.floor(t / 0.3)
    const value = n === CLICK_AT ? 0.9 : 0.2 * Math.sin(2 * Math.PI * (220 + 55 * step) * t) + 0.1 * Math.sin(2 * Math.PI * 3_000 * t)
    pcm[2 * n] = value
    pcm[2 * n + 1] = value
  }
  await fs.writeFile(pcmPath, new Uint8Array(pcm.buffer))
})
afterAll(() => fs.rm(work, { recursive: true, force: true }))

async function encoded(segments: number): Promise<Float32Array> {
  const dir = await fs.mkdtemp(path.join(work, `segments-${segments}-`))
  const fractions: number[] = []
  const soundPath = await encodeMix({ pcmPath, sampleRate: RATE, filter: 'volume=0dB', segments, workDir: dir, failure: { code: 'export_failed', hint: '' }, signal: new AbortController().signal, onFraction: (fraction) => fractions.push(fraction) })
  expect(fractions.length).toBeGreaterThan(0)
  expect(Math.max(...fractions)).toBeLessThanOrEqual(1)
  return decodeFilmSound(soundPath)
}

const rms = (samples: Float32Array, from: number, to: number): number => {
  let sum = 0
  for (let at = from; at < to; at++) sum += samples[at]! * samples[at]!
  return Math.sqrt(sum / (to - from))
}

describe('Encoding a film’s mix in segments side by side', () => {
  it('keeps every frame of the track exactly once, each encoder starting early enough to warm up', () => {
    for (const samples of [RATE, SAMPLES, 200 * RATE, 200 * RATE + 1]) {
      for (const count of [1, 2, 3, 8]) {
        const segments = aacSegments(samples, count)
        expect(segments.reduce((sum, segment) => sum + segment.keepFrames, 0)).toBe(Math.ceil(samples / AAC_FRAME_SAMPLES))
        // The first keeps everything after its priming frame; each next one picks up at the frame after the last kept.
        expect(segments[0]).toMatchObject({ startSample: 0, skipFrames: 1 })
        let next = 1
        for (const segment of segments) {
          expect(segment.startSample / AAC_FRAME_SAMPLES + segment.skipFrames).toBe(next)
          next += segment.keepFrames
          if (segment !== segments[0]) expect(segment.skipFrames).toBeGreaterThanOrEqual(4)
          expect(segment.endSample).toBeLessThanOrEqual(samples)
        }
        expect(segments[segments.length - 1]!.endSample).toBe(samples)
      }
    }
    // One encoder per core, each with at least ~10 s: a 3 s film is encoded by one.
    expect(segmentCount(3 * RATE, 8)).toBe(1)
    expect(segmentCount(200 * RATE, 2)).toBe(2)
  })

  it('decodes in three segments as in one: as long, the click on its sample, no seam where they join', async () => {
    const whole = await encoded(1)
    const split = await encoded(3)
    expect(MEASURE_RATE).toBe(RATE)
    expect(split.length).toBe(whole.length)
    expect(split.length).toBe(Math.ceil(SAMPLES / AAC_FRAME_SAMPLES) * AAC_FRAME_SAMPLES)
    const peak = split.reduce((best, value, index) => (Math.abs(value) > Math.abs(split[best]!) ? index : best), 0)
    expect(Math.abs(peak - CLICK_AT)).toBeLessThanOrEqual(2)
    for (const segment of aacSegments(SAMPLES, 3).slice(1)) {
      // The join: the first sample the segment's first kept frame carries; compared over two frames either side.
      const join = (segment.startSample / AAC_FRAME_SAMPLES + segment.skipFrames - 1) * AAC_FRAME_SAMPLES
      const difference = new Float32Array(4 * AAC_FRAME_SAMPLES).map((_, index) => split[join - 2 * AAC_FRAME_SAMPLES + index]! - whole[join - 2 * AAC_FRAME_SAMPLES + index]!)
      // What two encoders' rounding leaves: well under a hundredth of the sound's level (a misplaced frame is of its order).
      expect(rms(difference, 0, difference.length) / rms(whole, join - 2 * AAC_FRAME_SAMPLES, join + 2 * AAC_FRAME_SAMPLES)).toBeLessThan(0.05)
    }
  })

  it('stops every encoder when the export is cancelled', async () => {
    const controller = new AbortController()
    const dir = await fs.mkdtemp(path.join(work, 'cancelled-'))
    const encoding = encodeMix({ pcmPath, sampleRate: RATE, filter: 'volume=0dB', segments: 3, workDir: dir, failure: { code: 'export_failed', hint: '' }, signal: controller.signal, onFraction: () => controller.abort() })
    await expect(encoding).rejects.toMatchObject({ error: { code: 'export_cancelled' } })
    expect(await fs.readdir(dir)).not.toContain('sound.aac')
  })
})
