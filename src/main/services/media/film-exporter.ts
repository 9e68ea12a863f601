// The app's film exporter: one export at a time around exportFilm (export-film.ts), and the cut the player shows.
import { planCut, type CutPlan } from '../../../shared/cut/cut-plan'
import { fail } from '../../../shared/errors'
import { exportFilm, type FilmExportDeps, type FilmExportOptions, type FilmExportProgress, type FilmExportResult, type FilmSource } from './export-film'
import { probeChosenTakes } from './probe-takes'
import { createTakeProbes } from './take-probes'
import type { StayAwake } from '../stay-awake'

export interface FilmExporter {
  /**
   * The cut as the player shows it: chosen takes probed from disk, animatic holds for the rest. A take that is on
   * disk but refused (cut short, damaged, a link out of the project) is held too, with the reason the player shows,
   * so the rest of the film still plays.
   */
  plan(source: FilmSource): Promise<CutPlan>
  export(source: FilmSource, options: FilmExportOptions): Promise<FilmExportResult>
  /** Stops the running export; false when none is running. */
  cancel(): boolean
}

/** One export at a time: a second would compete for the same disk and CPU and make both slower. */
export function createFilmExporter(
  deps: FilmExportDeps & { onProgress: (progress: FilmExportProgress) => void; stayAwake?: StayAwake },
): FilmExporter {
  const whileExporting: StayAwake = deps.stayAwake ?? ((work) => work())
  // One memory of the takes' files for the app's session: Play film, then Export, read each file once.
  const probes = deps.probes ?? createTakeProbes()
  let running: AbortController | null = null
  return {
    async plan(source) {
      const project = source.project()
      const { mediaByTakeId, failures } = await probeChosenTakes(project, source.dir, (fileName) => source.takeFilePath(fileName), probes.media)
      const refused = failures.filter((failure) => failure.error.code !== 'take_file_missing')
      return planCut(project, mediaByTakeId, new Map(refused.map((failure) => [failure.takeId, failure.error.message])))
    },
    async export(source, options) {
      if (running) fail('job_busy', 'A film is already being exported.', 'Wait for it to finish, or cancel it.')
      const controller = new AbortController()
      running = controller
      try {
        return await whileExporting(() => exportFilm(source, options, { ...deps, probes }, controller.signal, deps.onProgress))
      } finally {
        running = null
      }
    },
    cancel() {
      if (!running) return false
      running.abort()
      return true
    },
  }
}
