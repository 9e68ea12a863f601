import { promises as fs } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { planCut } from '../../../shared/cut/cut-plan'
import type { Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { editTimeline } from '../../../shared/interchange/edit-timeline'
import { EDL_MAX_EVENTS, writeEdl } from '../../../shared/interchange/edl'
import { writeFcpxml } from '../../../shared/interchange/fcpxml'
import { handoffExtensions, type HandoffFormat } from '../../../shared/interchange/handoff-format'
import { writeOtio } from '../../../shared/interchange/otio'
import { writeShotListCsv } from '../../../shared/interchange/shot-list-csv'
import type { Prices } from '../../../shared/settings'
import { probeChosenTakes, type TakeProbeFailure } from '../media/probe-takes'
import { writeFileAtomic } from '../project/atomic-write'
import { projectFolderBaseName } from '../project/project-folder'
import { takeVideoPath } from '../project/project-paths'
import type { PdfPrinter } from './pdf-printer'
import { storyboardHtml } from './storyboard-html'

export interface HandoffSource {
  dir: string
  project: Project
  prices: Prices
}

export interface HandoffResult {
  path: string
  /** Clips whose chosen take could not be read, so they went out as gaps or black; empty when all is well. */
  warnings: string[]
}

/** Hand-off files go next to the project's own folders, so an .otio's relative paths to `../takes/` resolve. */
export const exportsDir = (projectDir: string): string => path.join(projectDir, 'exports')
export const defaultExportPath = (source: Pick<HandoffSource, 'dir' | 'project'>, format: HandoffFormat): string =>
  path.join(exportsDir(source.dir), `${projectFolderBaseName(source.project.name)}.${handoffExtensions[format]}`)

/** Writes one hand-off file (atomically) and returns where; `target` defaults to `<project>/exports/<name>.<ext>`. */
export async function exportHandoff(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, target = defaultExportPath(source, format)): Promise<HandoffResult> {
  const { bytes, warnings } = await render(source, format, printer, path.dirname(path.resolve(target)))
  await fs.mkdir(path.dirname(target), { recursive: true })
  await writeFileAtomic(target, bytes)
  return { path: target, warnings }
}

async function render(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, outDir: string): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const { project, dir } = source
  if (format === 'csv') return { bytes: utf8(writeShotListCsv(project, source.prices)), warnings: [] }
  if (format === 'pdf') {
    if (!printer) fail('export_failed', 'Printing a PDF needs Omniboard’s built-in browser, which is not available here.', 'Export the PDF from the app, or install Chromium for the command line.')
    return { bytes: await printer.printHtml(await storyboardHtml(dir, project)), warnings: [] }
  }
  const takePath = (fileName: string) => takeVideoPath(dir, fileName)
  const { mediaByTakeId, failures } = await probeChosenTakes(project, takePath)
  const timeline = editTimeline(project.name, planCut(project, mediaByTakeId))
  const warnings = failures.map((failure) => warningFor(project, failure))
  if (format === 'otio') {
    // Resolve links a plain relative path (not a file:// URL) against the .otio's own folder.
    const mediaUrl = (fileName: string) => path.relative(outDir, takePath(fileName)).split(path.sep).join('/')
    return { bytes: utf8(writeOtio(timeline, { mediaUrl })), warnings }
  }
  if (format === 'fcpxml') {
    const mediaUrl = (fileName: string) => pathToFileURL(takePath(fileName)).href
    return { bytes: utf8(writeFcpxml(timeline, { mediaUrl, fallbackSize: { width: 1280, height: 720 } })), warnings }
  }
  if (timeline.events.length > EDL_MAX_EVENTS) warnings.push(`An EDL holds at most ${EDL_MAX_EVENTS} events: clips after ${EDL_MAX_EVENTS} are not in it. Use OTIO or FCPXML for the whole film.`)
  return { bytes: utf8(writeEdl(timeline)), warnings }
}

function warningFor(project: Project, failure: TakeProbeFailure): string {
  const number = project.clips.findIndex((clip) => clip.id === failure.clipId) + 1
  return `Clip ${number}: ${failure.error.message} It is left empty in the export.`
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
