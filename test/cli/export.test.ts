import { promises as fs } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseExportArgs } from '../../src/cli/export-args'
import { findChromium } from '../../src/cli/export-pdf-printer'
import { probeVideo } from '../../src/main/services/media/probe-video'
import { exportsOf, pdfPageCount, projectWithTakes } from '../main/handoff/handoff-project'
import { tempDir, testDeps } from '../main/project/temp-project'
import { decodeFilmSound, rmsBetween } from '../main/media/film-sound-measure'
import { importAudioIntoProject } from '../../src/main/services/audio/import-audio'
import { openProjectSession } from '../../src/main/services/project/open-project'
import { runInProcess } from './cli-harness'

describe('omniboard export', () => {
  it('writes each asked-for format into exports/, or to the file given, and prints the paths', async () => {
    const dir = await projectWithTakes()
    const elsewhere = path.join(await tempDir(), 'cut.edl')
    const run = await runInProcess(['export', dir, '--otio', '--edl', elsewhere, '--fcpxml', '--csv'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const written = run.stdout.trim().split('\n')
    expect(written).toEqual([path.join(exportsOf(dir), 'Harbour film.otio'), elsewhere, path.join(exportsOf(dir), 'Harbour film.fcpxml'), path.join(exportsOf(dir), 'Harbour film.csv')])
    for (const file of written) expect((await fs.stat(file)).size).toBeGreaterThan(100)
    expect(await fs.readFile(elsewhere, 'utf8')).toMatch(/^TITLE: Harbour film\r\nFCM: NON-DROP FRAME\r\n/)
  })

  it('names clips whose take file is gone on stderr and still exits 0', async () => {
    const dir = await projectWithTakes()
    await fs.rm(path.join(dir, 'takes', 'take-p1-0.mp4'))
    const run = await runInProcess(['export', dir, '--edl'])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^omniboard: Clip 4: .*left empty in the export\.\n$/)
  })

  it('exits 3 for a folder that is not a project and 2 for a usage mistake, writing nothing', async () => {
    const empty = await tempDir()
    expect((await runInProcess(['export', empty, '--otio'])).code).toBe(3)
    const usage = await runInProcess(['export', empty])
    expect([usage.code, usage.stderr.split('\n')[0]]).toEqual([2, 'omniboard: Say what to write: --otio, --fcpxml, --edl, --csv, --pdf, --srt, --vtt, --film.'])
    expect((await runInProcess(['export', empty, '--otio', '--otio'])).code).toBe(2)
    expect((await runInProcess(['export', empty, '--mp4'])).code).toBe(2)
    expect(await fs.readdir(empty)).toEqual([])
  })

  it('reads a bare word after a format flag as its file only once the project is known', () => {
    expect(parseExportArgs(['--otio', 'film.omniboard'])).toEqual({ command: 'export', projectDir: 'film.omniboard', targets: [{ format: 'otio', file: null }], otioMediaPaths: 'absolute' })
    expect(parseExportArgs(['film.omniboard', '--otio', 'a.otio', '--csv'])).toEqual({
      command: 'export', projectDir: 'film.omniboard', targets: [{ format: 'otio', file: 'a.otio' }, { format: 'csv', file: null }], otioMediaPaths: 'absolute',
    })
  })

  it('writes the .otio with absolute file:// take URLs, or with --relative-paths paths relative to it', async () => {
    const dir = await projectWithTakes()
    const firstUrl = async (...flags: string[]) => {
      const run = await runInProcess(['export', dir, '--otio', ...flags])
      expect([run.code, run.stderr]).toEqual([0, ''])
      return /"target_url": "([^"]+)"/.exec(await fs.readFile(run.stdout.trim(), 'utf8'))?.[1]
    }
    expect(await firstUrl()).toBe(pathToFileURL(path.join(dir, 'takes', 'take-h2-0.mp4')).href)
    expect(await firstUrl('--relative-paths')).toBe('../takes/take-h2-0.mp4')
    const alone = await runInProcess(['export', dir, '--edl', '--relative-paths'])
    expect([alone.code, alone.stderr.split('\n')[0]]).toEqual([2, 'omniboard: --relative-paths is for the .otio: add --otio.'])
  })

  it('says --pdf needs a Chromium when there is none, exiting 6 and writing nothing', async () => {
    const dir = await projectWithTakes()
    const run = await runInProcess(['export', dir, '--pdf'], { CHROMIUM_PATH: path.join(dir, 'no-chromium-here') })
    expect([run.code, run.stdout]).toEqual([6, ''])
    expect(run.stderr).toMatch(/PDF .*app/)
    await expect(fs.stat(exportsOf(dir))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  const chromium = findChromium(process.env)
  it.skipIf(!chromium)('prints the storyboard PDF with the Chromium it finds', async () => {
    const dir = await projectWithTakes()
    const run = await runInProcess(['export', dir, '--pdf'], { CHROMIUM_PATH: chromium! })
    expect(run.code).toBe(0)
    expect(pdfPageCount(await fs.readFile(run.stdout.trim()))).toBe(2)
  })

  it('writes the film as one MP4 as long as the timeline, a hold where a clip has no take, to the file given', async () => {
    const dir = await projectWithTakes()
    const target = path.join(await tempDir(), 'film', 'Harbour.mp4')
    const run = await runInProcess(['export', dir, '--film', target])
    expect([run.code, run.stdout]).toEqual([0, `${target}\n`])
    const film = await probeVideo(path.dirname(target), target)
    expect(film.frames).toBe(48 + 96 + 36 + 24)
    expect(film.hasAudio).toBe(true)
    expect(await fs.readdir(exportsOf(dir))).toEqual([])
  })

  it('mixes the sound lanes into the film: a tone following clip 2 sounds 1 s into it, and nowhere else in that hold', async () => {
    const dir = await projectWithTakes()
    const session = await openProjectSession(dir, testDeps())
    const { files } = await importAudioIntoProject(session, [{ name: 'tone.wav', path: path.join(__dirname, '../fixtures/audio/tone-1k-1s.wav') }], () => new Date())
    const item = { id: 'tone', audioId: files[0]!.id, startSeconds: 3, anchor: { clipId: 'clip-market', offsetSeconds: 1 }, sourceInSeconds: 0, durationSeconds: 1, gainDb: 0, fadeInSeconds: 0, fadeOutSeconds: 0 }
    session.applyEdits([{ type: 'addAudioItem', laneId: 'music', laneName: 'Music', item }])
    await session.close()
    const target = path.join(await tempDir(), 'Harbour.mp4')
    const run = await runInProcess(['export', dir, '--film', target])
    expect(run.code).toBe(0)
    // Clip 1's take runs 2 s, so clip 2 (a 4 s hold) plays from 2 s and the tone from 3 s to 4 s.
    const sound = await decodeFilmSound(target)
    expect(rmsBetween(sound, 3.2, 3.8)).toBeGreaterThan(0.05)
    expect(rmsBetween(sound, 2.2, 2.8)).toBeLessThan(0.005)
    expect(rmsBetween(sound, 4.2, 5.8)).toBeLessThan(0.005)
  })

  it('documents the command and its exit codes in --help', async () => {
    const help = (await runInProcess(['--help'])).stdout
    expect(help).toContain('omniboard export <project-folder> --otio [file]')
    expect(help).toMatch(/--pdf \[file\] +printable storyboard; needs a Chromium/)
    expect(help).toMatch(/--relative-paths +with --otio: takes as paths relative to the \.otio/)
  })
})
