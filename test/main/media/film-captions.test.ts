import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { bundledFfmpegPath } from '../../../src/main/services/ffmpeg/ffmpeg'
import { addFilmCaptions } from '../../../src/main/services/media/film-captions'
import { probeVideo } from '../../../src/main/services/media/probe-video'
import type { CaptionCue } from '../../../src/shared/captions/cut-captions'
import { defaultFilmCaptions, type FilmCaptions } from '../../../src/shared/captions/film-captions-options'
import { parseSubtitles } from '../../support/subtitle-parser'
import { tempDir } from '../project/temp-project'
import { fixturePath, fixtures } from './film-fixtures'

const run = promisify(execFile)
const cues: CaptionCue[] = [
  { startMs: 500, endMs: 1000, text: 'Who’s there?', speaker: 'MARA' },
  { startMs: 1200, endMs: 1400, text: 'Only me.', speaker: null },
]

/** A 2 s, 320×180 film with sound standing in for an exported one, in a project's exports/. */
async function film(): Promise<{ root: string; filmPath: string }> {
  const root = await tempDir()
  await fs.mkdir(path.join(root, 'exports'))
  const filmPath = path.join(root, 'exports', 'Harbour film 2026-12-07.mp4')
  await fs.copyFile(fixturePath(fixtures.soundA), filmPath)
  return { root, filmPath }
}

const caption = (root: string, filmPath: string, captions: Partial<FilmCaptions>, list = cues) =>
  addFilmCaptions({ root, filmPath, cues: list, captions: { ...defaultFilmCaptions, ...captions }, signal: new AbortController().signal, onProgress: () => {} })

/** probeVideo reads takes, whose names are plain words: it reads a copy of the film under such a name. */
async function probed(root: string, filmPath: string) {
  const copy = path.join(root, 'probe.mp4')
  await fs.copyFile(filmPath, copy)
  return probeVideo(root, copy)
}

/** One decoded frame as RGB bytes, 320×180. */
async function frameAt(file: string, seconds: number): Promise<Buffer> {
  const { stdout } = await run(bundledFfmpegPath(), ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { encoding: 'buffer', maxBuffer: 1 << 24 })
  return stdout
}

/** Mean absolute difference of two frames over rows [from, to) of a 320-wide picture. */
function difference(a: Buffer, b: Buffer, fromRow: number, toRow: number): number {
  let sum = 0
  for (let i = fromRow * 320 * 3; i < toRow * 320 * 3; i++) sum += Math.abs(a[i]! - b[i]!)
  return sum / ((toRow - fromRow) * 320 * 3)
}

describe('captions added to an exported film', () => {
  it('adds a mov_text subtitle track holding every cue, keeping the picture and sound as they were', async () => {
    const { root, filmPath } = await film()
    const before = await probed(root, filmPath)
    await caption(root, filmPath, { mode: 'soft' })

    const { stdout } = await run(bundledFfmpegPath(), ['-v', 'error', '-i', filmPath, '-map', '0:s:0', '-f', 'srt', 'pipe:1'])
    // The bundled ffmpeg's mov_text decoder wraps each cue in the track's default <font> when it writes SRT.
    const readBack = `${stdout.replace(/\r\n/g, '\n').replace(/<\/?font[^>]*>/g, '').trimEnd()}\n`
    expect(parseSubtitles(readBack, 'srt').map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([
      [500, 1000, 'MARA: Who’s there?'],
      [1200, 1400, 'Only me.'],
    ])
    const streams = await run(bundledFfmpegPath(), ['-hide_banner', '-i', filmPath]).catch((error: { stderr: string }) => error)
    expect(streams.stderr).toMatch(/Subtitle: mov_text/)
    const after = await probed(root, filmPath)
    expect(after).toMatchObject({ frames: before.frames, width: before.width, hasAudio: true, videoCodec: before.videoCodec })
    // Nothing but the film is left in exports/.
    expect(await fs.readdir(path.dirname(filmPath))).toEqual([path.basename(filmPath)])
  })

  it('burns a caption into the picture at the bottom while it is on screen, and leaves frames outside every cue alone', async () => {
    const original = await film()
    const { root, filmPath } = await film()
    await caption(root, filmPath, { mode: 'burn', size: 'large' }, [cues[0]!])

    const inCue = [await frameAt(original.filmPath, 0.75), await frameAt(filmPath, 0.75)] as const
    const outside = [await frameAt(original.filmPath, 1.5), await frameAt(filmPath, 1.5)] as const
    // The caption band (above the 5 % margin, 9 px, at the bottom) changes at the cue's time; the top does not.
    expect(difference(...inCue, 148, 171)).toBeGreaterThan(8)
    expect(difference(...inCue, 0, 60)).toBeLessThan(3)
    expect(difference(...outside, 148, 171)).toBeLessThan(3)
    expect((await probed(root, filmPath)).hasAudio).toBe(true)
  })

  it('burns at the top when asked, inside the safe margin', async () => {
    const original = await film()
    const { root, filmPath } = await film()
    await caption(root, filmPath, { mode: 'burn', position: 'top', marginPercent: 10, font: 'bold' }, [cues[0]!])
    const [plain, burned] = [await frameAt(original.filmPath, 0.75), await frameAt(filmPath, 0.75)]
    expect(difference(plain, burned, 18, 40)).toBeGreaterThan(8)
    // Nothing drawn in the margin above, nor at the bottom.
    expect(difference(plain, burned, 0, 14)).toBeLessThan(3)
    expect(difference(plain, burned, 120, 180)).toBeLessThan(3)
  })

  it('removes the film when the captions cannot be added (cancelled), leaving nothing in exports/', async () => {
    const { root, filmPath } = await film()
    const controller = new AbortController()
    controller.abort()
    const running = addFilmCaptions({ root, filmPath, cues, captions: { ...defaultFilmCaptions, mode: 'burn' }, signal: controller.signal, onProgress: () => {} })
    await expect(running).rejects.toMatchObject({ error: { code: 'export_cancelled' } })
    expect(await fs.readdir(path.dirname(filmPath))).toEqual([])
  })

  it('leaves a film without cues untouched', async () => {
    const { root, filmPath } = await film()
    const before = await fs.readFile(filmPath)
    await caption(root, filmPath, { mode: 'burn' }, [])
    expect((await fs.readFile(filmPath)).equals(before)).toBe(true)
  })
})
