import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runFfmpeg } from '../../../src/main/services/ffmpeg/ffmpeg'
import { tempDir } from '../project/temp-project'
import { fixturePath, fixtures } from '../media/film-fixtures'
import { errorOf } from '../media/film-project'

const failure = { code: 'export_failed', hint: 'Export again.' } as const

describe('running the bundled ffmpeg', () => {
  it('reads a first-frame image that is really an HLS playlist as an image, and fails instead of following it', async () => {
    const canary = path.join(await tempDir(), 'canary.mp4')
    await fs.copyFile(fixturePath(fixtures.wide), canary)
    const dir = await tempDir()
    const still = path.join(dir, 'first-frame.png')
    await fs.writeFile(still, `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:1.0,\n${canary}\n#EXT-X-ENDLIST\n`)
    const output = path.join(dir, 'frame.png')

    const error = await errorOf(runFfmpeg({ inputs: [{ kind: 'still', filePath: still }], outputOptions: ['-frames:v', '1', '-f', 'image2'], outputPath: output, outputSeconds: 1, failure }))
    expect([error.code, error.hint]).toEqual(['export_failed', 'Export again.'])
    expect(await fs.stat(output).catch(() => null)).toBeNull()
  })

  it('stops an output that grows far past what its length needs, and says so', async () => {
    const output = path.join(await tempDir(), 'runaway.raw')
    const started = performance.now()
    const error = await errorOf(runFfmpeg({
      inputs: [{ kind: 'generated', graph: 'testsrc=size=1920x1080:rate=25', options: ['-t', '60'] }],
      outputOptions: ['-f', 'rawvideo'],
      outputPath: output,
      outputSeconds: 0.04,
      failure,
    }))
    expect(error.message).toMatch(/wrote far more than a video of this length needs/)
    expect(performance.now() - started).toBeLessThan(20_000)
    // One frame of 1080p is 6 MB; the minute asked for would be 9 GB.
    expect((await fs.stat(output)).size).toBeLessThan(128 * 1024 * 1024)
  })
})
