import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { probeChosenTakes } from '../../../src/main/services/media/probe-takes'
import { probeVideo } from '../../../src/main/services/media/probe-video'
import { clip } from '../../shared/domain/fixtures'
import { tempDir } from '../project/temp-project'
import { completedTake, filmFixtureDir, fixturePath, fixtures } from './film-fixtures'
import { errorOf } from './film-project'

const probeError = async (filePath: string): Promise<string> => (await errorOf(probeVideo(path.dirname(filePath), filePath))).code

describe('probeVideo', () => {
  it('reads size, frame rate, exact frame count, duration and sound (channels, rate) from each take file', async () => {
    const probed = await Promise.all(Object.values(fixtures).map((name) => probeVideo(filmFixtureDir, fixturePath(name))))
    expect(probed.map((media) => [media.fileName, media.width, media.height, media.frames, media.hasAudio, media.audioChannels, media.audioRate])).toEqual([
      [fixtures.soundA, 320, 180, 48, true, 1, 48000],
      [fixtures.soundB, 320, 180, 24, true, 1, 48000],
      [fixtures.silent, 320, 180, 36, false, 0, 0],
      [fixtures.wide, 480, 270, 24, true, 1, 48000],
    ])
    for (const media of probed) {
      expect(media.frameRate).toEqual({ num: 24, den: 1 })
      expect(media.durationSeconds).toBeCloseTo(media.frames / 24, 6)
    }
    expect(probed[0]?.videoCodec).toMatch(/^avc1\./)
    expect(probed[0]?.videoCodec).toBe(probed[2]?.videoCodec)
    expect(probed[3]?.videoCodec).not.toBe(probed[0]?.videoCodec)
  })

  it('refuses a file that is not an MP4, a truncated MP4 and a missing file with a typed error', async () => {
    const dir = await tempDir()
    const notVideo = path.join(dir, 'notes.mp4')
    await fs.writeFile(notVideo, 'this is text, not a video')
    const truncated = path.join(dir, 'cut-short.mp4')
    const bytes = await fs.readFile(fixturePath(fixtures.soundA))
    await fs.writeFile(truncated, bytes.subarray(0, 600))

    expect(await probeError(notVideo)).toBe('media_unreadable')
    expect(await probeError(truncated)).toBe('media_unreadable')
    expect(await probeError(path.join(dir, 'gone.mp4'))).toBe('take_file_missing')
  })
})

describe('probeChosenTakes', () => {
  it('probes the chosen take of each clip and reports the ones whose file is missing', async () => {
    const clips = [clip('a', { chosenTakeId: 'ta2' }), clip('b', { chosenTakeId: 'tb' }), clip('c'), clip('d', { chosenTakeId: 'td' })]
    const takes = [
      completedTake('ta1', 'a', fixtures.wide),
      completedTake('ta2', 'a', fixtures.soundA),
      completedTake('tb', 'b', 'deleted-by-hand.mp4'),
      completedTake('td', 'd', fixtures.silent, 'processing'),
    ]
    const { mediaByTakeId, failures } = await probeChosenTakes({ clips, takes }, filmFixtureDir, (name) => path.join(filmFixtureDir, name))

    expect([...mediaByTakeId.keys()]).toEqual(['ta2'])
    expect(mediaByTakeId.get('ta2')?.frames).toBe(48)
    expect(failures.map((failure) => [failure.clipId, failure.takeId, failure.error.code])).toEqual([['b', 'tb', 'take_file_missing']])
  })
})
