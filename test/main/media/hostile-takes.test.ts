import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportHandoff } from '../../../src/main/services/handoff/export-handoff'
import { exportFilm, type FilmExportOptions, type FilmSource } from '../../../src/main/services/media/export-film'
import { createFilmExporter } from '../../../src/main/services/media/film-exporter'
import { probeVideo } from '../../../src/main/services/media/probe-video'
import type { CutPlan } from '../../../src/shared/cut/cut-plan'
import { defaultSettings } from '../../../src/shared/settings'
import { writeClaimingFrames, writeCutShort } from './damaged-takes'
import { fixtures } from './film-fixtures'
import { errorOf, makeFilmProject, remux } from './film-project'

const deps = { now: () => new Date(2026, 2, 4, 15, 30) }
const exportCut = (source: FilmSource, options: FilmExportOptions) => exportFilm(source, options, deps, new AbortController().signal, () => undefined)
const planCut = (source: FilmSource) => createFilmExporter({ ...deps, onProgress: () => undefined }).plan(source)
/** The player holds a refused take's clip with the reason, and still plays the others. */
const heldEntries = (plan: CutPlan) =>
  plan.entries.map((entry) => (entry.kind === 'take' ? { clipNumber: entry.clipNumber, kind: entry.kind } : { clipNumber: entry.clipNumber, kind: entry.kind, reason: entry.reason, problem: entry.problem }))
const exportsIn = (source: FilmSource): Promise<string[]> => fs.readdir(path.join(source.dir, 'exports')).catch(() => [])

describe('a take whose index claims billions of frames', () => {
  it('is refused by the probe at once, naming the file, and by the film export and the player naming its clip', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.soundB }])
    await writeClaimingFrames(fixtures.soundB, source.takeFilePath('t2-0.mp4'), 2 ** 31)

    const started = performance.now()
    const probed = await errorOf(probeVideo(source.dir, source.takeFilePath('t2-0.mp4')))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(probed.code).toBe('media_unreadable')
    expect(probed.message).toMatch(/^t2-0\.mp4 .*2,147,483,648 frames/)

    for (const includeAnimatic of [false, true]) {
      const exported = await errorOf(exportCut(source, { includeAnimatic }))
      expect([exported.code, exported.message]).toEqual(['media_unreadable', `Clip 2: ${probed.message}`])
    }
    expect(heldEntries(await planCut(source))).toEqual([{ clipNumber: 1, kind: 'take' }, { clipNumber: 2, kind: 'animatic', reason: 'take_refused', problem: probed.message }])
    expect(await exportsIn(source)).toEqual([])
  })

  it('is refused when the claim is in the fragments of a fragmented MP4', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }])
    const take = source.takeFilePath('t1-0.mp4')
    expect(await remux(take, 'fragmented')).toContain('moof')
    const bytes = await fs.readFile(take)
    // A run whose samples all take the fragment's defaults lists no entries, so its count costs no bytes to claim.
    const trun = bytes.indexOf('trun', 0, 'latin1') - 4
    bytes.writeUInt32BE(0x0000_0001, trun + 8)
    bytes.writeUInt32BE(2 ** 31, trun + 12)
    await fs.writeFile(take, bytes)

    const started = performance.now()
    const error = await errorOf(probeVideo(source.dir, take))
    expect(performance.now() - started).toBeLessThan(1000)
    expect([error.code, error.message]).toEqual(['media_unreadable', expect.stringMatching(/^t1-0\.mp4 .*2,147,483,648 frames/)])
  })
})

describe('a take whose media ends early', () => {
  const cutShort = 'The take t2-0.mp4 ends early (the file is cut short at 60 %).'

  it('stops the copy join and the re-encode, with or without stills, naming its clip and how much of it arrived', async () => {
    for (const [clips, includeAnimatic] of [
      [[{ take: fixtures.soundA }, { take: fixtures.soundB }, { take: fixtures.silent }], false],
      [[{ take: fixtures.wide }, { take: fixtures.soundB }], false],
      [[{ take: fixtures.soundA }, { take: fixtures.soundB }, { take: null }], true],
    ] as const) {
      const source = await makeFilmProject(clips)
      await writeCutShort(fixtures.soundB, source.takeFilePath('t2-0.mp4'), 0.6)

      const error = await errorOf(exportCut(source, { includeAnimatic }))
      expect([error.code, error.message]).toEqual(['media_unreadable', `Clip 2: ${cutShort}`])
      expect(error.hint).toMatch(/^Retry download/)
      expect(await exportsIn(source)).toEqual([])
    }
  })

  it('is held by Play film with its reason while the rest plays, and is a warning naming its clip in the hand-off files', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.soundB }])
    await writeCutShort(fixtures.soundB, source.takeFilePath('t2-0.mp4'), 0.6)

    expect(heldEntries(await planCut(source))[1]).toEqual({ clipNumber: 2, kind: 'animatic', reason: 'take_refused', problem: cutShort })
    const prices = defaultSettings(source.dir).prices
    for (const format of ['otio', 'fcpxml', 'edl'] as const) {
      const { warnings } = await exportHandoff({ dir: source.dir, project: source.project(), prices }, format, null)
      expect(warnings).toEqual([`Clip 2: ${cutShort} It is left empty in the export.`])
    }
  })
})
