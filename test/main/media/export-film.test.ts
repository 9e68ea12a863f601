import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFilm, type FilmExportOptions, type FilmExportProgress, type FilmSource } from '../../../src/main/services/media/export-film'
import { fixturePath, fixtures } from './film-fixtures'
import { errorOf, makeFilmProject, readFilm, videoPacketSizes } from './film-project'

const FRAME = 1 / 24
/** One AAC frame at 48 kHz: how closely a copied sound track can follow the picture. */
const AAC_FRAME = 1024 / 48_000
const deps = { now: () => new Date(2026, 2, 4, 15, 30) }

async function run(source: FilmSource, options: FilmExportOptions, signal = new AbortController().signal, onProgress: (progress: FilmExportProgress) => void = () => undefined) {
  return exportFilm(source, options, deps, signal, onProgress)
}

const exportsIn = (source: FilmSource): Promise<string[]> => fs.readdir(path.join(source.dir, 'exports')).catch(() => [])

describe('exportFilm', () => {
  it('joins same-format takes without re-encoding, in timeline order, with silence where a take has no sound', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.silent }, { take: fixtures.soundB }])
    const phases: string[] = []
    const result = await run(source, { includeAnimatic: false }, undefined, (progress) => phases.push(progress.phase))

    expect(result.method).toBe('copy')
    expect(path.relative(source.dir, result.path)).toBe(path.join('exports', 'Harbour a test film 2026-03-04.mp4'))
    expect(phases).toContain('copying')
    const film = await readFilm(result.path)
    expect([film.width, film.height, film.frames]).toEqual([320, 180, 48 + 36 + 24])
    expect(film.videoSeconds).toBeCloseTo(4.5, 6)
    expect(Math.abs((film.audioSeconds ?? 0) - film.videoSeconds)).toBeLessThanOrEqual(AAC_FRAME)
    expect(await exportsIn(source)).toEqual([path.basename(result.path)])
    const takesInOrder = await Promise.all([fixtures.soundA, fixtures.silent, fixtures.soundB].map((name) => videoPacketSizes(fixturePath(name))))
    expect(await videoPacketSizes(result.path)).toEqual(takesInOrder.flat())
  })

  it('writes no audio track when no take has sound, and a second export of the day gets its own name', async () => {
    const source = await makeFilmProject([{ take: fixtures.silent }, { take: fixtures.silent }])
    const first = await run(source, { includeAnimatic: false })
    const second = await run(source, { includeAnimatic: false })

    expect(path.basename(second.path)).toBe('Harbour a test film 2026-03-04 (2).mp4')
    const film = await readFilm(first.path)
    expect([film.frames, film.audioSeconds]).toEqual([72, null])
  })

  it('scales mixed sizes to the commonest one, letterboxed, keeping every frame and the sound in sync', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.wide }, { take: fixtures.silent }])
    const result = await run(source, { includeAnimatic: false })

    expect(result.method).toBe('encode')
    const film = await readFilm(result.path)
    expect([film.width, film.height]).toEqual([320, 180])
    expect(Math.abs(film.frames - (48 + 24 + 36))).toBeLessThanOrEqual(1)
    expect(Math.abs(film.videoSeconds - 4.5)).toBeLessThanOrEqual(FRAME)
    expect(Math.abs((film.audioSeconds ?? 0) - film.videoSeconds)).toBeLessThanOrEqual(FRAME)
  })

  it('holds a title card for the clip duration of a clip without a take when animatic stills are included', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: null, duration: 3 }, { take: fixtures.soundB }])
    const skipped = await readFilm((await run(source, { includeAnimatic: false })).path)
    const withStills = await readFilm((await run(source, { includeAnimatic: true })).path)

    expect(skipped.frames).toBe(48 + 24)
    expect(Math.abs(withStills.frames - (48 + 72 + 24))).toBeLessThanOrEqual(1)
    expect(Math.abs(withStills.videoSeconds - 6)).toBeLessThanOrEqual(FRAME)
    expect(Math.abs((withStills.audioSeconds ?? 0) - withStills.videoSeconds)).toBeLessThanOrEqual(FRAME)
  })

  it('names the clip whose take file is missing, or holds its animatic instead when the user asked for stills', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.soundB, duration: 4 }])
    await fs.rm(source.takeFilePath('t2-0.mp4'))

    const error = await errorOf(run(source, { includeAnimatic: false }))
    expect(error.code).toBe('take_file_missing')
    expect(error.message).toMatch(/^Clip 2:/)
    expect(await exportsIn(source)).toEqual([])

    const film = await readFilm((await run(source, { includeAnimatic: true })).path)
    expect(Math.abs(film.frames - (48 + 4 * 24))).toBeLessThanOrEqual(1)
  })

  it.each([
    ['a copy', [{ take: fixtures.soundA }, { take: fixtures.silent }, { take: fixtures.soundB }], 'copying'],
    ['an encode', [{ take: fixtures.soundA }, { take: fixtures.wide }], 'encoding'],
  ])('leaves no file under the final name, and no temporary file, when %s is cancelled', async (_name, clips, phase) => {
    const source = await makeFilmProject(clips)
    const controller = new AbortController()
    const cancelOnce = (progress: FilmExportProgress): void => {
      if (progress.phase === phase && !controller.signal.aborted) controller.abort()
    }
    const error = await errorOf(run(source, { includeAnimatic: false }, controller.signal, cancelOnce))

    expect(error.code).toBe('export_cancelled')
    expect(await exportsIn(source)).toEqual([])
  })
})
