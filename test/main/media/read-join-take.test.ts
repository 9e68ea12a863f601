import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readJoinTake } from '../../../src/main/services/media/read-join-take'
import { isAppErrorException } from '../../../src/shared/errors'
import { tempDir } from '../project/temp-project'
import { fixturePath, fixtures } from './film-fixtures'

const FPS = { num: 24, den: 1 }

/** A copy of a fixture with the first `stsz` box's sample size and count overwritten. */
async function withSampleTable(sampleSize: number, count: number): Promise<string> {
  const bytes = await fs.readFile(fixturePath(fixtures.soundA))
  const stsz = bytes.indexOf('stsz', 0, 'latin1') - 4
  bytes.writeUInt32BE(sampleSize, stsz + 12)
  bytes.writeUInt32BE(count, stsz + 16)
  const file = path.join(await tempDir(), 'damaged.mp4')
  await fs.writeFile(file, bytes)
  return file
}

describe('readJoinTake', () => {
  it('reads a take\'s two tracks: samples, key frames, the edits that hide B-frame delay and AAC priming, its media range', async () => {
    const take = await readJoinTake(path.dirname(fixturePath(fixtures.soundA)), fixturePath(fixtures.soundA), FPS, true)
    const { size } = await fs.stat(fixturePath(fixtures.soundA))

    expect([take.video.sizes.length, take.video.timescale, take.video.editMediaTime]).toEqual([48, 12_288, 1_024])
    expect(Array.from(take.video.syncSamples ?? [])).toEqual([0, 24])
    expect([take.audio?.sizes.length, take.audio?.timescale, take.audio?.editMediaTime]).toEqual([95, 48_000, 1_024])
    expect(take.range.end).toBe(size)
    expect(take.range.start).toBeGreaterThan(0)
  })

  it('refuses, naming the file, a sample table that claims more entries than it holds, or a count no take has', async () => {
    for (const damaged of [await withSampleTable(0, 49), await withSampleTable(100, 0xffff_fff0)]) {
      const error = await readJoinTake(path.dirname(damaged), damaged, FPS, true).catch((cause: unknown) => cause)
      expect(isAppErrorException(error) && [error.error.code, error.error.message]).toEqual(['media_unreadable', expect.stringContaining('damaged.mp4')])
    }
  })
})
