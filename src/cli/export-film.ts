import { promises as fs } from 'node:fs'
import path from 'node:path'
import { exportFilm, type FilmExportPhase } from '../main/services/media/export-film'
import { assetFilePath, takeVideoPath } from '../main/services/project/project-paths'
import type { FilmCaptions } from '../shared/captions/film-captions-options'
import type { Project } from '../shared/domain/project'
import type { CliIo } from './cli-io'

const phaseWords: Record<FilmExportPhase, string> = { preparing: 'reading the takes', copying: 'joining the takes', encoding: 're-encoding', mixing: 'mixing the sound lanes', captioning: 'adding the captions' }

/**
 * The film as one MP4 through the app's own film export, clips without a take held as animatic stills so the film
 * runs as long as the timeline, its captions as a subtitle track or burned in when asked. Lands in
 * `<project>/exports/` and is moved to `file` when one is given.
 */
export async function exportFilmFromCli(dir: string, project: Project, file: string | null, io: CliIo, captions: FilmCaptions | null): Promise<string> {
  let lastPhase: FilmExportPhase | null = null
  const result = await exportFilm(
    { dir, project: () => project, takeFilePath: (fileName) => takeVideoPath(dir, fileName), assetPath: (id) => assetFilePath(dir, project, id) },
    { includeAnimatic: true, captions },
    { now: () => new Date() },
    io.interrupt,
    ({ phase }) => {
      if (phase !== lastPhase) io.stderr(`omniboard: film: ${phaseWords[phase]}…\n`)
      lastPhase = phase
    },
  )
  if (file === null) return result.path
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await moveFile(result.path, file)
  return file
}

/** A rename when the target is on the same disk; across disks, a copy that lands whole before the original goes. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EXDEV') throw cause
    await fs.copyFile(from, to)
    await fs.rm(from)
  }
}
