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
import { laneTracks } from '../../../shared/interchange/lane-clips'
import { EDL_AUDIO_CHANNELS } from '../../../shared/interchange/edl-audio'
import type { Prices } from '../../../shared/settings'
import { exportsFolder, writeExport } from '../disk/export-target'
import { clipFailure, probeChosenTakes } from '../media/probe-takes'
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

/**
 * Writes one hand-off file and returns where: by default into `<project>/exports/` (see writeExport: a re-export
 * replaces the app's own earlier file, never one it did not write), or to `target`, a file the user chose (a save
 * dialog, `--otio <file>`), which is replaced as asked.
 */
export async function exportHandoff(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, target?: string): Promise<HandoffResult> {
  const outDir = target === undefined ? exportsFolder(source.dir) : path.dirname(path.resolve(target))
  const { bytes, warnings } = await render(source, format, printer, outDir)
  if (target === undefined) {
    const fileName = `${projectFolderBaseName(source.project.name)}.${handoffExtensions[format]}`
    const written = await writeExport(source.dir, fileName, (tempPath) => fs.writeFile(tempPath, bytes, { flag: 'wx' }), { replaceOwn: true })
    return { path: written, warnings }
  }
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
  const { mediaByTakeId, failures } = await probeChosenTakes(project, dir, takePath)
  const timeline = editTimeline(project.name, planCut(project, mediaByTakeId))
  const warnings = failures.map((failure) => `${clipFailure(project, failure).message} It is left empty in the export.`)
  const tracks = laneTracks(project.mix, project.audioFiles ?? [], timeline)
  const audioPath = (fileName: string) => path.join(dir, 'audio', fileName)
  if (format === 'otio') {
    // Resolve links a plain relative path (not a file:// URL) against the .otio's own folder.
    const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/')
    const lanes = { tracks, audioUrl: (fileName: string) => relative(audioPath(fileName)) }
    return { bytes: utf8(writeOtio(timeline, { mediaUrl: (fileName) => relative(takePath(fileName)), lanes })), warnings }
  }
  if (format === 'fcpxml') {
    const mediaUrl = (fileName: string) => pathToFileURL(takePath(fileName)).href
    const lanes = { tracks, audioUrl: (fileName: string) => pathToFileURL(audioPath(fileName)).href }
    return { bytes: utf8(writeFcpxml(timeline, { mediaUrl, fallbackSize: { width: 1280, height: 720 }, lanes })), warnings }
  }
  if (tracks.filter((track) => track.enabled).length > EDL_AUDIO_CHANNELS.length) warnings.push(`An EDL has two audio channels: only the first two sound lanes that play are in it. Use OTIO or FCPXML for every lane.`)
  if (timeline.events.length > EDL_MAX_EVENTS) warnings.push(`An EDL holds at most ${EDL_MAX_EVENTS} events: clips after ${EDL_MAX_EVENTS} are not in it. Use OTIO or FCPXML for the whole film.`)
  return { bytes: utf8(writeEdl(timeline, tracks)), warnings }
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
