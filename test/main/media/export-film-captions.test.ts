import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { exportFilm, type FilmSource } from '../../../src/main/services/media/export-film'
import { bundledFfmpegPath } from '../../../src/main/services/ffmpeg/ffmpeg'
import { defaultFilmCaptions } from '../../../src/shared/captions/film-captions-options'
import type { CaptionLine } from '../../../src/shared/domain/caption-line'
import { parseSubtitles } from '../../support/subtitle-parser'
import { fixtures } from './film-fixtures'
import { makeFilmProject } from './film-project'

const run = promisify(execFile)
const line = (id: string, startSeconds: number, endSeconds: number, text: string): CaptionLine => ({ id, text, startSeconds, endSeconds })

/** A 2 s take, a clip without one (5 s), a 1 s take; a caption on each. */
async function captionedFilm(): Promise<FilmSource> {
  const source = await makeFilmProject([{ take: fixtures.soundA }, { take: null, duration: 5 }, { take: fixtures.soundB }])
  const captions: Record<string, CaptionLine[]> = { c1: [line('a', 0.5, 1.5, 'First.')], c2: [line('b', 1, 2, 'Held.')], c3: [line('c', 0.25, 3, 'Last.')] }
  const project = source.project()
  return { ...source, project: () => ({ ...project, clips: project.clips.map((clip) => ({ ...clip, captions: captions[clip.id] })) }) }
}

async function trackCues(film: string): Promise<[number, number, string][]> {
  const { stdout } = await run(bundledFfmpegPath(), ['-v', 'error', '-i', film, '-map', '0:s:0', '-f', 'srt', 'pipe:1'])
  const text = `${stdout.replace(/\r\n/g, '\n').replace(/<\/?font[^>]*>/g, '').trimEnd()}\n`
  return parseSubtitles(text, 'srt').map((cue) => [cue.startMs, cue.endMs, cue.text])
}

describe('Export film with captions', () => {
  it('times the subtitle track to the film as exported: a clip left out takes its captions with it', async () => {
    const phases: string[] = []
    const result = await exportFilm(await captionedFilm(), { includeAnimatic: false, captions: defaultFilmCaptions }, { now: () => new Date(2026, 11, 7) }, new AbortController().signal, ({ phase }) => phases.push(phase))
    expect(result.method).toBe('copy')
    expect(phases.at(-1)).toBe('captioning')
    // Clip 3 follows clip 1 directly, and its caption is cut at the end of its 1 s take.
    expect(await trackCues(result.path)).toEqual([
      [500, 1500, 'First.'],
      [2250, 3000, 'Last.'],
    ])
  })

  it('keeps a held clip’s caption where the still holds, and adds no track when asked for none', async () => {
    const source = await captionedFilm()
    const held = await exportFilm(source, { includeAnimatic: true, captions: defaultFilmCaptions }, { now: () => new Date(2026, 11, 7) }, new AbortController().signal, () => {})
    expect(await trackCues(held.path)).toEqual([
      [500, 1500, 'First.'],
      [3000, 4000, 'Held.'],
      [7250, 8000, 'Last.'],
    ])
    const plain = await exportFilm(source, { includeAnimatic: false }, { now: () => new Date(2026, 11, 7) }, new AbortController().signal, () => {})
    await expect(trackCues(plain.path)).rejects.toThrow()
  })
})
