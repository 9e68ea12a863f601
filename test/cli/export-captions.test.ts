import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseExportArgs } from '../../src/cli/export-args'
import { bundledFfmpegPath } from '../../src/main/services/ffmpeg/ffmpeg'
import { projectFilePath } from '../../src/main/services/project/project-files'
import type { CaptionLine } from '../../src/shared/domain/caption-line'
import type { Project } from '../../src/shared/domain/project'
import { exportsOf, projectWithTakes } from '../main/handoff/handoff-project'
import { tempDir } from '../main/project/temp-project'
import { parseSubtitles } from '../support/subtitle-parser'
import { runInProcess } from './cli-harness'

const run = promisify(execFile)
const line = (id: string, startSeconds: number, endSeconds: number, text: string): CaptionLine => ({ id, text, startSeconds, endSeconds })

/** projectWithTakes (harbour 2 s take, market held 4 s, night 1.5 s take, pier 1 s take) with captions saved in it. */
async function captionedProject(): Promise<string> {
  const dir = await projectWithTakes()
  const project = JSON.parse(await fs.readFile(projectFilePath(dir), 'utf8')) as Project
  const captions: Record<string, CaptionLine[]> = { 'clip-harbour': [line('h1', 0.5, 1.5, 'Mist.')], 'clip-night': [line('n1', 0.25, 1, 'Lanterns.')] }
  project.clips = project.clips.map((clip) => ({ ...clip, captions: captions[clip.id] }))
  await fs.writeFile(projectFilePath(dir), JSON.stringify(project))
  return dir
}

describe('omniboard export captions', () => {
  it('writes --srt and --vtt timed to the cut, and prints their paths', async () => {
    const dir = await captionedProject()
    const result = await runInProcess(['export', dir, '--srt', '--vtt'])
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(result.stdout.trim().split('\n')).toEqual([path.join(exportsOf(dir), 'Harbour film.srt'), path.join(exportsOf(dir), 'Harbour film.vtt')])
    for (const format of ['srt', 'vtt'] as const) {
      const cues = parseSubtitles(await fs.readFile(path.join(exportsOf(dir), `Harbour film.${format}`), 'utf8'), format)
      expect(cues.map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([
        [500, 1500, 'Mist.'],
        [6250, 7000, 'Lanterns.'],
      ])
    }
  })

  it('prints the captions file written beside an OTIO', async () => {
    const dir = await captionedProject()
    const result = await runInProcess(['export', dir, '--otio'])
    expect(result.stdout.trim().split('\n')).toEqual([path.join(exportsOf(dir), 'Harbour film.otio'), path.join(exportsOf(dir), 'Harbour film.srt')])
  })

  it('exports the film with --captions soft as a subtitle track timed to the cut', async () => {
    const dir = await captionedProject()
    const target = path.join(await tempDir(), 'Harbour.mp4')
    const result = await runInProcess(['export', dir, '--film', target, '--captions', 'soft'])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('adding the captions')
    const { stdout } = await run(bundledFfmpegPath(), ['-v', 'error', '-i', target, '-map', '0:s:0', '-f', 'srt', 'pipe:1'])
    const readBack = `${stdout.replace(/\r\n/g, '\n').replace(/<\/?font[^>]*>/g, '').trimEnd()}\n`
    expect(parseSubtitles(readBack, 'srt').map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([
      [500, 1500, 'Mist.'],
      [6250, 7000, 'Lanterns.'],
    ])
  })

  it('reads the burn-in style flags, and refuses ones that make no sense', () => {
    expect(parseExportArgs(['p', '--film', '--captions', 'burn', '--caption-size', 'large', '--caption-position', 'top', '--caption-margin', '10', '--caption-font', 'bold'])).toMatchObject({
      filmCaptions: { mode: 'burn', size: 'large', position: 'top', marginPercent: 10, font: 'bold' },
    })
    expect(parseExportArgs(['p', '--film', '--captions', 'burn'])).toMatchObject({ filmCaptions: { mode: 'burn', size: 'medium', position: 'bottom', marginPercent: 5 } })
    expect(parseExportArgs(['p', '--film', '--captions', 'burn', '--caption-size', 'huge'])).toEqual({ command: 'usage-error', message: '--caption-size does not take "huge": use small or medium or large.' })
    expect(parseExportArgs(['p', '--film', '--captions', 'burn', '--caption-margin', '40'])).toMatchObject({ command: 'usage-error', message: expect.stringContaining('0 to 20') })
    expect(parseExportArgs(['p', '--film', '--caption-size', 'large'])).toMatchObject({ command: 'usage-error', message: expect.stringContaining('--captions soft') })
    expect(parseExportArgs(['p', '--otio', '--captions', 'soft'])).toMatchObject({ command: 'usage-error', message: expect.stringContaining('add --film') })
    expect(parseExportArgs(['p', '--film', '--captions'])).toEqual({ command: 'usage-error', message: '--captions needs a value.' })
  })
})
