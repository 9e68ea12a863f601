import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportHandoff, type HandoffSource } from '../../../src/main/services/handoff/export-handoff'
import { loadProject } from '../../../src/main/services/project'
import type { CaptionLine } from '../../../src/shared/domain/caption-line'
import { defaultSettings } from '../../../src/shared/settings'
import { parseSubtitles, vttWords } from '../../support/subtitle-parser'
import { tempDir } from '../project/temp-project'
import { exportsOf, projectWithTakes } from './handoff-project'

const prices = defaultSettings('/tmp').prices
const line = (id: string, startSeconds: number, endSeconds: number, text: string, speaker?: string): CaptionLine => ({ id, text, startSeconds, endSeconds, ...(speaker ? { speaker } : {}) })

/**
 * The cut of projectWithTakes: harbour plays its 2 s take, market is held 4 s (no take), night plays a 1.5 s take
 * (the clip asked for 5 s), pier a 1 s take. Captions on three of them, one running past night's real end.
 */
async function captionedSource(): Promise<HandoffSource> {
  const dir = await projectWithTakes()
  const { project } = await loadProject(dir)
  const captions: Record<string, CaptionLine[]> = {
    'clip-harbour': [line('h1', 0.25, 1.5, 'The mist lifts.')],
    'clip-market': [line('m1', 1, 3.5, 'Two for a penny!', 'SELLER')],
    'clip-night': [line('n1', 1, 3, 'Lanterns & <wishes>')],
  }
  return { dir, prices, project: { ...project, clips: project.clips.map((clip) => ({ ...clip, captions: captions[clip.id] })) } }
}

const expectedCues = [
  [250, 1500],
  [3000, 5500],
  [7000, 7500],
]

describe('captions in the hand-off', () => {
  it('writes an .srt and a .vtt into exports/ whose cues fall where the clips play in the cut', async () => {
    const source = await captionedSource()
    const srt = await exportHandoff(source, 'srt', null)
    expect(srt).toEqual({ path: path.join(exportsOf(source.dir), 'Harbour film.srt'), warnings: [] })
    const srtCues = parseSubtitles(await fs.readFile(srt.path, 'utf8'), 'srt')
    expect(srtCues.map((cue) => [cue.startMs, cue.endMs])).toEqual(expectedCues)
    expect(srtCues.map((cue) => cue.text)).toEqual(['The mist lifts.', 'SELLER: Two for a penny!', 'Lanterns & <wishes>'])

    const vtt = await exportHandoff(source, 'vtt', null)
    const vttCues = parseSubtitles(await fs.readFile(vtt.path, 'utf8'), 'vtt')
    expect(vttCues.map((cue) => [cue.startMs, cue.endMs])).toEqual(expectedCues)
    expect(vttCues.map((cue) => vttWords(cue.text))).toEqual([
      { speaker: null, words: 'The mist lifts.' },
      { speaker: 'SELLER', words: 'Two for a penny!' },
      { speaker: null, words: 'Lanterns & <wishes>' },
    ])
  })

  it('puts <name>.srt beside an OTIO, FCPXML or EDL, in exports/ or beside a file the user chose', async () => {
    const source = await captionedSource()
    const otio = await exportHandoff(source, 'otio', null)
    expect(otio.captionsPath).toBe(path.join(exportsOf(source.dir), 'Harbour film.srt'))
    expect(parseSubtitles(await fs.readFile(otio.captionsPath!, 'utf8'), 'srt').map((cue) => [cue.startMs, cue.endMs])).toEqual(expectedCues)
    // A second export replaces the app's own captions file instead of piling up copies.
    await exportHandoff(source, 'edl', null)
    expect((await fs.readdir(exportsOf(source.dir))).filter((name) => name.endsWith('.srt'))).toEqual(['Harbour film.srt'])

    const chosen = path.join(await tempDir(), 'deliver', 'cut v2.fcpxml')
    const fcpxml = await exportHandoff(source, 'fcpxml', null, { target: chosen })
    expect(fcpxml.captionsPath).toBe(path.join(path.dirname(chosen), 'cut v2.srt'))
    expect(parseSubtitles(await fs.readFile(fcpxml.captionsPath!, 'utf8'), 'srt')).toHaveLength(3)
  })

  it('writes no captions file beside a timeline when no clip has captions, and says so when captions are asked for', async () => {
    const dir = await projectWithTakes()
    const source = { dir, prices, project: (await loadProject(dir)).project }
    expect((await exportHandoff(source, 'otio', null)).captionsPath).toBeUndefined()
    expect((await fs.readdir(exportsOf(dir))).some((name) => name.endsWith('.srt'))).toBe(false)
    const srt = await exportHandoff(source, 'srt', null)
    expect(srt.warnings).toEqual([expect.stringContaining('No clip has caption lines')])
    expect(await fs.readFile(srt.path, 'utf8')).toBe('')
  })
})
