import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { extractFramePng } from '../../../src/main/services/frames/extract-frame'
import { isAppErrorException } from '../../../src/shared/errors'
import { tempDir } from '../project/temp-project'

const filmDir = resolve(import.meta.dirname, '../../fixtures/film')
const film = (name: string) => resolve(filmDir, name)

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
    const grabbed = await decode(await extractFramePng(filmDir, film('take-180p-sound-a.mp4'), { kind: 'last' }))
    const reference = await decode(film('last-frame-180p-sound-a.png'))
    expect([grabbed.width, grabbed.height]).toEqual([320, 180])
    expect(maxDifference(grabbed, reference)).toBeLessThanOrEqual(8)
    // The first frame of the same take is a different picture: the comparison above can tell frames apart.
    expect(meanAbsoluteDifference(await decode(film('first-frame-180p-sound-a.png')), reference)).toBeGreaterThan(5)
  })

  it('grabs the first frame, and the frame shown at a time', async () => {
    const first = await decode(await extractFramePng(filmDir, film('take-180p-sound-a.mp4'), { kind: 'first' }))
    expect(maxDifference(first, await decode(film('first-frame-180p-sound-a.png')))).toBeLessThanOrEqual(8)
    const atEnd = await decode(await extractFramePng(filmDir, film('take-180p-sound-a.mp4'), { kind: 'time', seconds: 47 / 24 }))
    expect(maxDifference(atEnd, await decode(film('last-frame-180p-sound-a.png')))).toBeLessThanOrEqual(8)
  })

  it('keeps the size of a larger take', async () => {
    const frame = await sharp(await extractFramePng(filmDir, film('take-270p-sound.mp4'), { kind: 'last' })).metadata()
    expect([frame.width, frame.height]).toEqual([480, 270])
  })

  it('reports a file that is not a video as a frame error', async () => {
    const error = await extractFramePng(filmDir, film('README.md'), { kind: 'last' }).catch((cause: unknown) => cause)
    expect(isAppErrorException(error) && error.error.code).toBe('frame_failed')
  })
})

describe('a take that is not what it says it is', () => {
  /** A project folder with an empty takes folder, and a real video outside it that no frame may ever come from. */
  async function projectBesideCanary(): Promise<{ project: string; takes: string; canary: string }> {
    const canary = join(await tempDir(), 'canary.mp4')
    await copyFile(film('take-360p-silent.mp4'), canary)
    const project = await tempDir()
    await mkdir(join(project, 'takes'))
    return { project, takes: join(project, 'takes'), canary }
  }

  it('never follows an HLS playlist or a concat list posing as a take to the video it names outside the project', async () => {
    const { project, takes, canary } = await projectBesideCanary()
    const posing = {
      'playlist.mp4': `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:1.0,\n${canary}\n#EXT-X-ENDLIST\n`,
      'list.mp4': `ffconcat version 1.0\nfile '${canary}'\n`,
    }
    for (const [name, text] of Object.entries(posing)) {
      await writeFile(join(takes, name), text)
      for (const at of [{ kind: 'first' }, { kind: 'last' }] as const) {
        const error = await extractFramePng(project, join(takes, name), at).catch((cause: unknown) => cause)
        expect(isAppErrorException(error) && error.error.code).toBe('frame_failed')
      }
    }
  })

  it('refuses a take that is a link to a video outside the project, naming the link', async () => {
    const { project, takes, canary } = await projectBesideCanary()
    await symlink(canary, join(takes, 'take1.mp4'))
    const error = await extractFramePng(project, join(takes, 'take1.mp4'), { kind: 'last' }).catch((cause: unknown) => cause)
    expect(isAppErrorException(error) && [error.error.code, error.error.message]).toEqual(['project_unsafe_file', expect.stringContaining('takes/take1.mp4')])
  })
})
