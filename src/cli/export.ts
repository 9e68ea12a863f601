import { exportHandoff } from '../main/services/handoff/export-handoff'
import type { PdfPrinter } from '../main/services/handoff/pdf-printer'
import { loadProject } from '../main/services/project'
import { isAppErrorException, type AppError } from '../shared/errors'
import { defaultSettings } from '../shared/settings'
import type { CliIo } from './cli-io'
import type { ExportArgs } from './export-args'
import { exportFilmFromCli } from './export-film'
import { chromiumPdfPrinter, findChromium } from './export-pdf-printer'
import { exitCodeFor, exitCodes, type ExitCode } from './exit-codes'

/**
 * Writes each asked-for hand-off file from the project as saved on disk. Reads only: the project may be open in
 * the app at the same time. The shot list's costs use the published default prices (the app's own price settings
 * live in its settings store, which the terminal does not read).
 */
export async function runExport(args: ExportArgs, io: CliIo): Promise<ExitCode> {
  const fail = (error: AppError): ExitCode => {
    io.stderr(`omniboard: ${error.message} ${error.hint}\n`)
    return error.code === 'export_cancelled' ? exitCodes.interrupted : exitCodeFor(error)
  }
  try {
    const { project } = await loadProject(args.projectDir)
    const source = { dir: args.projectDir, project, prices: defaultSettings('').prices }
    const printer = args.targets.some((target) => target.format === 'pdf') ? await pdfPrinter(io) : null
    for (const { format, file } of args.targets) {
      if (format === 'film') {
        io.stdout(`${await exportFilmFromCli(args.projectDir, project, file, io, args.filmCaptions ?? null)}\n`)
        continue
      }
      const result = await exportHandoff(source, format, printer, { target: file ?? undefined, otioMediaPaths: args.otioMediaPaths })
      for (const warning of result.warnings) io.stderr(`omniboard: ${warning}\n`)
      io.stdout(`${result.path}\n`)
      if (result.captionsPath) io.stdout(`${result.captionsPath}\n`)
    }
    return exitCodes.ok
  } catch (error) {
    if (isAppErrorException(error)) return fail(error.error)
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code === 'string') {
      io.stderr(`omniboard: the file could not be written (${code}). Check the folder exists and is writable.\n`)
      return exitCodes.other
    }
    throw error
  }
}

async function pdfPrinter(io: CliIo): Promise<PdfPrinter | null> {
  const chromium = findChromium(io.env)
  return chromium ? chromiumPdfPrinter(chromium) : null
}
