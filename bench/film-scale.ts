import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createFilmExporter } from '../src/main/services/media/film-exporter'
import { copyBytes } from './film'
import { FEATURE_TAKES, featureFilm } from './fixtures/feature-film'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { median, round } from './lib/stats'

const PLAN_ROUNDS = 7
const EXPORT_ROUNDS = 3

/**
 * Issue 26's feature film: 3,000 clips, 1,500 takes of one format (each its own file). `film.plan` is what Play film
 * asks for, timed warm (the takes probed once this session) with the cold first plan beside it; `export.film1500`
 * exports the 1,500 takes after that plan, against copying the same bytes into one file, in alternating rounds.
 */
export async function benchFilmScale(log: (line: string) => void): Promise<Figure[]> {
  log('film scale: the 1,500 small takes (made once, kept in the temp folder)…')
  const film = await featureFilm(log)
  await film.clean()
  const onProgress = (): void => undefined
  const exporter = createFilmExporter({ now: () => new Date(), onProgress })

  log('film scale: the cut plan, cold and then warm…')
  let start = performance.now()
  const first = await exporter.plan(film)
  const coldMs = performance.now() - start
  const takeEntries = first.entries.filter((entry) => entry.kind === 'take').length
  const warmMs: number[] = []
  for (let round = 0; round < PLAN_ROUNDS; round++) {
    start = performance.now()
    await exporter.plan(film)
    warmMs.push(performance.now() - start)
  }

  const exportMs: number[] = []
  const copyMs: number[] = []
  // CPU time beside wall time: on a shared machine the export, which computes more than the copy, waits longer for a core.
  const exportCpuMs: number[] = []
  const copyCpuMs: number[] = []
  const cpuSince = (start: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000
  }
  let method: string | undefined
  for (let round = 0; round < EXPORT_ROUNDS; round++) {
    log(`film scale: round ${round + 1}/${EXPORT_ROUNDS}: copy the bytes, then export…`)
    let cpu = process.cpuUsage()
    copyMs.push(await copyBytes(film.takeFiles, join(film.dir, `bytes-${round}.bin`)))
    copyCpuMs.push(cpuSince(cpu))
    cpu = process.cpuUsage()
    start = performance.now()
    const result = await exporter.export(film, { includeAnimatic: false })
    exportMs.push(performance.now() - start)
    exportCpuMs.push(cpuSince(cpu))
    method = result.method
    await rm(result.path)
  }
  log('film scale: one export with nothing remembered (a fresh session)…')
  start = performance.now()
  const cold = await createFilmExporter({ now: () => new Date(), onProgress }).export(film, { includeAnimatic: false })
  const coldExportMs = performance.now() - start
  await rm(cold.path)
  await film.clean()
  const bytes = (await Promise.all(film.takeFiles.map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0)

  return [
    figure(
      {
        id: 'film.plan',
        area: 'export',
        goal: goalOf('film.plan'),
        // A plan that did not find every take would be quick for the wrong reason.
        measured: takeEntries === FEATURE_TAKES ? round(median(warmMs), 1) : null,
        unit: 'ms',
        method: `median of ${PLAN_ROUNDS} FilmExporter.plan calls (the film:plan handler's work) on 3,000 clips, ${FEATURE_TAKES} of them with a take file, after a first plan that probed every take`,
        details: { clips: first.entries.length, takeEntries, coldMs: round(coldMs, 0), warmMs: warmMs.map((ms) => round(ms, 1)) },
      },
      { max: 300 },
    ),
    figure(
      {
        id: 'export.film1500',
        area: 'export',
        goal: goalOf('export.film1500'),
        measured: method === 'copy' ? round(median(exportMs) / median(copyMs), 2) : null,
        unit: '×',
        method: `median FilmExporter.export of ${FEATURE_TAKES} same-format takes (100 minutes) after Play film's plan ÷ median time to read their bytes and write them into one file with fsync; ${EXPORT_ROUNDS} alternating rounds`,
        details: {
          method,
          filmSeconds: cold.durationSeconds,
          takeBytes: bytes,
          exportMs: exportMs.map((ms) => round(ms, 0)),
          copyMs: copyMs.map((ms) => round(ms, 0)),
          exportCpuMs: exportCpuMs.map((ms) => round(ms, 0)),
          copyCpuMs: copyCpuMs.map((ms) => round(ms, 0)),
          freshSessionExportMs: round(coldExportMs, 0),
          freshSessionRatio: round(coldExportMs / median(copyMs), 2),
        },
      },
      { max: 1.5 },
    ),
  ]
}
