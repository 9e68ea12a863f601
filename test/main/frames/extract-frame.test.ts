import { resolve } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { extractFramePng } from '../../../src/main/services/frames/extract-frame'
import { isAppErrorException } from '../../../src/shared/errors'

const film = (name: string) => resolve(import.meta.dirname, '../../fixtures/film', name)

type Pixels = { data: Buffer; width: number; height: number }
const decode = async (input: Buffer | string): Promise<Pixels> => {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Two ffmpeg builds convert YUV to RGB with slightly different rounding; a different frame differs by far more. */
function meanAbsoluteDifference(a: Pixels, b: Pixels): number {
  let sum = 0
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!)
  return sum / a.data.length
}
function maxDifference(a: Pixels, b: Pixels): number {
  let max = 0
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i]! - b.data[i]!))
  return max
}

describe('extracting a frame from a take', () => {
  it('grabs the final decoded frame at the video resolution', async () => {
    const grabbed = await decode((await extractFramePng(film('take-180p-sound-a.mp4'), { kind: 'last' })).png)
    const reference = await decode(film('last-frame-180p-sound-a.png'))
    expect([grabbed.width, grabbed.height]).toEqual([320, 180])
    expect(maxDifference(grabbed, reference)).toBeLessThanOrEqual(8)
    // The first frame of the same take is a different picture: the comparison above can tell frames apart.
    expect(meanAbsoluteDifference(await decode(film('first-frame-180p-sound-a.png')), reference)).toBeGreaterThan(5)
  })

  it('grabs the first frame, and the frame shown at a time', async () => {
    const first = await decode((await extractFramePng(film('take-180p-sound-a.mp4'), { kind: 'first' })).png)
    expect(maxDifference(first, await decode(film('first-frame-180p-sound-a.png')))).toBeLessThanOrEqual(8)
    const atEnd = await decode((await extractFramePng(film('take-180p-sound-a.mp4'), { kind: 'time', seconds: 47 / 24 })).png)
    expect(maxDifference(atEnd, await decode(film('last-frame-180p-sound-a.png')))).toBeLessThanOrEqual(8)
  })

  it('keeps the size of a larger take', async () => {
    const extracted = await extractFramePng(film('take-270p-sound.mp4'), { kind: 'last' })
    const frame = await sharp(extracted.png).metadata()
    expect([frame.width, frame.height]).toEqual([480, 270])
    expect(extracted.durationSeconds).toBeCloseTo(1, 1)
  })

  it('reports a file that is not a video as a frame error', async () => {
    const error = await extractFramePng(film('README.md'), { kind: 'last' }).catch((cause: unknown) => cause)
    expect(isAppErrorException(error) && error.error.code).toBe('frame_failed')
  })
})
