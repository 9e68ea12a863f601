import { open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { exportFilm, type FilmExportResult } from '../src/main/services/media/export-film'
import { benchFilmProject, benchTake } from './fixtures/film-takes'
import { benchFilmWithMusic } from './film-music'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { median, round } from './lib/stats'

const TAKES = 20
const TAKE_SECONDS = 10
const ROUNDS = 3
const deps = { now: () => new Date() }

/**
 * `export.film`: twenty 10 s 720p takes of one format (every fourth without sound, so silence is filled) exported as
 * one film, against writing the same bytes into one file (read, write, fsync) — the least any join can cost.
 * Alternating rounds; medians. The re-encode path's speed is measured on a short mixed-size cut beside it.
 */
export async function benchFilm(log: (line: string) => void): Promise<Figure[]> {
  log('film: making the 720p takes once with the bundled ffmpeg (cached in the temp folder)…')
  const withSound = await benchTake({ name: 'kling', width: 1280, height: 720, sound: true }, TAKE_SECONDS)
  const silent = await benchTake({ name: 'kling', width: 1280, height: 720, sound: false }, TAKE_SECONDS)
  const square = await benchTake({ name: 'kling', width: 720, height: 720, sound: true }, TAKE_SECONDS)
  const film = await benchFilmProject(Array.from({ length: TAKES }, (_, index) => (index % 4 === 3 ? silent : withSound)))
  const mixed = await benchFilmProject([withSound, square, silent])
  try {
    const exportMs: number[] = []
    const copyMs: number[] = []
    let result: FilmExportResult | null = null
    for (let round = 0; round < ROUNDS; round++) {
      log(`film: round ${round + 1}/${ROUNDS}: copy the bytes, then export…`)
      copyMs.push(await copyBytes(film.takeFiles, join(film.dir, `bytes-${round}.bin`)))
      const start = performance.now()
      result = await exportFilm(film, { includeAnimatic: false }, deps, new AbortController().signal, () => undefined)
      exportMs.push(performance.now() - start)
      await rm(result.path)
    }
    log('film: re-encoding a mixed 720p + square cut…')
    const encodeStart = performance.now()
    const encoded = await exportFilm(mixed, { includeAnimatic: false }, deps, new AbortController().signal, () => undefined)
    const encodeSeconds = (performance.now() - encodeStart) / 1000
    const bytes = (await Promise.all(film.takeFiles.map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0)
    const withMusic = await benchFilmWithMusic(film, TAKES * TAKE_SECONDS, copyMs, log)
    return [
      figure(
        {
          id: 'export.film',
          area: 'export',
          goal: goalOf('export.film'),
          measured: round(median(exportMs) / median(copyMs), 2),
          unit: '×',
          method: `median exportFilm of ${TAKES} same-format 10 s 720p takes (copy join: sample tables rewritten, media copied in blocks) ÷ median time to read their bytes and write them into one file with fsync; ${ROUNDS} alternating rounds`,
          details: {
            method: result?.method,
            filmSeconds: result?.durationSeconds,
            takeBytes: bytes,
            exportMs: exportMs.map((ms) => round(ms, 0)),
            copyMs: copyMs.map((ms) => round(ms, 0)),
            reencode: {
              method: encoded.method,
              filmSeconds: encoded.durationSeconds,
              wallSeconds: round(encodeSeconds, 2),
              videoSecondsPerSecond: round(encoded.durationSeconds / encodeSeconds, 2),
            },
          },
        },
        { max: 2 },
      ),
      withMusic,
    ]
  } finally {
    await film.dispose()
    await mixed.dispose()
  }
}

/** Reads each file and writes its bytes into one file with fsync, in ms: the least any join of those files can cost. */
export async function copyBytes(files: readonly string[], target: string): Promise<number> {
  const start = performance.now()
  const handle = await open(target, 'w')
  try {
    for (const file of files) await handle.write(await readFile(file))
    await handle.sync()
  } finally {
    await handle.close()
  }
  const ms = performance.now() - start
  await rm(target)
  return ms
}

