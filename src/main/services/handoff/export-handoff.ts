import { promises as fs } from 'node:fs'
import path from 'node:path'
import { planCut } from '../../../shared/cut/cut-plan'
import type { Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { editTimeline } from '../../../shared/interchange/edit-timeline'
import { EDL_MAX_EVENTS, writeEdl } from '../../../shared/interchange/edl'
import { writeFcpxml } from '../../../shared/interchange/fcpxml'
import { handoffExtensions, type HandoffFormat, type OtioMediaPaths } from '../../../shared/interchange/handoff-format'
import { writeOtio } from '../../../shared/interchange/otio'
import { writeShotListCsv } from '../../../shared/interchange/shot-list-csv'
import type { Prices } from '../../../shared/settings'
import { exportsFolder, writeExport } from '../disk/export-target'
import { clipFailure, probeChosenTakes } from '../media/probe-takes'
import { writeFileAtomic } from '../project/atomic-write'
import { projectFolderBaseName } from '../project/project-folder'
import { takeVideoPath } from '../project/project-paths'
import { mediaFileUrl } from './media-file-url'
import type { PdfPrinter } from './pdf-printer'
import { storyboardHtml } from './storyboard-html'

export interface HandoffSource {
  dir: string
  project: Project
  prices: Prices
}

export interface HandoffOptions {
  /** A file the user chose (a save dialog, `--otio <file>`); by default the project's `exports/` folder. */
  target?: string | undefined
  /** How the .otio names the take files; absolute file:// URLs unless asked. */
  otioMediaPaths?: OtioMediaPaths | undefined
}

export interface HandoffResult {
  path: string
  /** Clips whose chosen take could not be read, so they went out as gaps or black; empty when all is well. */
  warnings: string[]
}

/**
 * Writes one hand-off file and returns where: by default into `<project>/exports/` (see writeExport: a re-export
 * replaces the app's own earlier file, never one it did not write), or to `options.target`, a file the user chose,
 * which is replaced as asked.
 */
export async function exportHandoff(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, options: HandoffOptions = {}): Promise<HandoffResult> {
  const { target } = options
  const outDir = target === undefined ? exportsFolder(source.dir) : path.dirname(path.resolve(target))
  const { bytes, warnings } = await render(source, format, printer, outDir, options.otioMediaPaths ?? 'absolute')
  if (target === undefined) {
    const fileName = `${projectFolderBaseName(source.project.name)}.${handoffExtensions[format]}`
    const written = await writeExport(source.dir, fileName, (tempPath) => fs.writeFile(tempPath, bytes, { flag: 'wx' }), { replaceOwn: true })
    return { path: written, warnings }
  }
  await fs.mkdir(path.dirname(target), { recursive: true })
  await writeFileAtomic(target, bytes)
  return { path: target, warnings }
}

async function render(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, outDir: string, otioMediaPaths: OtioMediaPaths): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const { project, dir } = source
  if (format === 'csv') return { bytes: utf8(writeShotListCsv(project, source.prices)), warnings: [] }
  if (format === 'pdf') {
    if (!printer) fail('export_failed', 'Printing a PDF needs Omniboard’s built-in browser, which is not available here.', 'Export the PDF from the app, or install Chromium for the command line.')
    return { bytes: await printer.printHtml(await storyboardHtml(dir, project)), warnings: [] }
  }
  const takePath = (fileName: string) => takeVideoPath(dir, fileName)
  const { mediaByTakeId, failures } = await probeChosenTakes(project, dir, takePath)
  const timeline = editTimeline(project.name, planCut(project, mediaByTakeId))
  const warnings = failures.map((failure) => `${clipFailure(project, failure).message} It is left empty in the export.`)
  const fileUrl = (fileName: string) => mediaFileUrl(takePath(fileName))
  if (format === 'otio') {
    // Resolve links a plain relative path (not a file:// URL) against the .otio's own folder; other OTIO readers
    // resolve it against their working folder, hence absolute URLs unless asked.
    const relative = (fileName: string) => path.relative(outDir, takePath(fileName)).split(path.sep).join('/')
    return { bytes: utf8(writeOtio(timeline, { mediaUrl: otioMediaPaths === 'relative' ? relative : fileUrl })), warnings }
  }
  if (format === 'fcpxml') return { bytes: utf8(writeFcpxml(timeline, { mediaUrl: fileUrl, fallbackSize: { width: 1280, height: 720 } })), warnings }
  if (timeline.events.length > EDL_MAX_EVENTS) warnings.push(`An EDL holds at most ${EDL_MAX_EVENTS} events: clips after ${EDL_MAX_EVENTS} are not in it. Use OTIO or FCPXML for the whole film.`)
  return { bytes: utf8(writeEdl(timeline)), warnings }
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
