import { promises as fs } from 'node:fs'
import path from 'node:path'
import { captionCues, type CaptionCue } from '../../../shared/captions/cut-captions'
import { planCut } from '../../../shared/cut/cut-plan'
import type { Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { editTimeline } from '../../../shared/interchange/edit-timeline'
import { EDL_MAX_EVENTS, writeEdl } from '../../../shared/interchange/edl'
import { writeFcpxml } from '../../../shared/interchange/fcpxml'
import { captionedTimelineFormats, handoffExtensions, type HandoffFormat, type OtioMediaPaths } from '../../../shared/interchange/handoff-format'
import { writeOtio } from '../../../shared/interchange/otio'
import { writeShotListCsv } from '../../../shared/interchange/shot-list-csv'
import { laneTracks, type LaneTrack } from '../../../shared/interchange/lane-clips'
import { EDL_AUDIO_CHANNELS } from '../../../shared/interchange/edl-audio'
import type { Prices } from '../../../shared/settings'
import { exportsFolder, writeExport } from '../disk/export-target'
import { clipFailure, probeChosenTakes } from '../media/probe-takes'
import { writeFileAtomic } from '../disk/atomic-write'
import { projectFolderBaseName } from '../disk/project-folder'
import { takeVideoPath } from '../project/project-paths'
import { noCaptionsWarning, subtitleText, writeCaptionsBeside } from './export-captions'
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
  /** The captions written beside a timeline (`<name>.srt`), when the film has any. */
  captionsPath?: string
}

/**
 * Writes one hand-off file and returns where: by default into `<project>/exports/` (see writeExport: a re-export
 * replaces the app's own earlier file, never one it did not write), or to `options.target`, a file the user chose,
 * which is replaced as asked.
 */
export async function exportHandoff(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, options: HandoffOptions = {}): Promise<HandoffResult> {
  const { target } = options
  const outDir = target === undefined ? exportsFolder(source.dir) : path.dirname(path.resolve(target))
  const { bytes, warnings, cues } = await render(source, format, printer, outDir, options.otioMediaPaths ?? 'absolute')
  let written = target
  if (written === undefined) {
    const fileName = `${projectFolderBaseName(source.project.name)}.${handoffExtensions[format]}`
    written = await writeExport(source.dir, fileName, (tempPath) => fs.writeFile(tempPath, bytes, { flag: 'wx' }), { replaceOwn: true })
  } else {
    await fs.mkdir(path.dirname(written), { recursive: true })
    await writeFileAtomic(written, bytes)
  }
  if (cues.length === 0 || !captionedTimelineFormats.includes(format)) return { path: written, warnings }
  return { path: written, warnings, captionsPath: await writeCaptionsBeside(source.dir, written, target !== undefined, cues) }
}

type Rendered = { bytes: Uint8Array; warnings: string[]; cues: CaptionCue[] }

async function render(source: HandoffSource, format: HandoffFormat, printer: PdfPrinter | null, outDir: string, otioMediaPaths: OtioMediaPaths): Promise<Rendered> {
  const { project, dir } = source
  if (format === 'csv') return { bytes: utf8(writeShotListCsv(project, source.prices)), warnings: [], cues: [] }
  if (format === 'pdf') {
    if (!printer) fail('export_failed', 'Printing a PDF needs Omniboard’s built-in browser, which is not available here.', 'Export the PDF from the app, or install Chromium for the command line.')
    return { bytes: await printer.printHtml(await storyboardHtml(dir, project)), warnings: [], cues: [] }
  }
  const takePath = (fileName: string) => takeVideoPath(dir, fileName)
  const { mediaByTakeId, failures } = await probeChosenTakes(project, dir, takePath)
  const plan = planCut(project, mediaByTakeId)
  const cues = captionCues(plan.entries, project.clips)
  const warnings = failures.map((failure) => `${clipFailure(project, failure).message} It is left empty in the export.`)
  if (format === 'srt' || format === 'vtt') return { bytes: utf8(subtitleText(format, cues)), warnings: cues.length === 0 ? [noCaptionsWarning] : [], cues }
  const timeline = editTimeline(project.name, plan)
  const tracks = laneTracks(project.mix, project.audioFiles ?? [], timeline)
  const audioPath = (fileName: string) => path.join(dir, 'audio', fileName)
  return { bytes: renderTimeline(format, timeline, { takePath, audioPath, outDir, otioMediaPaths, tracks }, warnings), warnings, cues }
}

type TimelineFiles = {
  takePath: (fileName: string) => string
  audioPath: (fileName: string) => string
  outDir: string
  otioMediaPaths: OtioMediaPaths
  tracks: LaneTrack[]
}

function renderTimeline(format: 'otio' | 'fcpxml' | 'edl', timeline: ReturnType<typeof editTimeline>, files: TimelineFiles, warnings: string[]): Uint8Array {
  const { takePath, audioPath, outDir, otioMediaPaths, tracks } = files
  if (format === 'otio') {
    // Resolve links a plain relative path (not a file:// URL) against the .otio's own folder; other OTIO readers
    // resolve it against their working folder, hence absolute URLs unless asked.
    const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/')
    const url = (file: string) => (otioMediaPaths === 'relative' ? relative(file) : mediaFileUrl(file))
    const lanes = { tracks, audioUrl: (fileName: string) => url(audioPath(fileName)) }
    return utf8(writeOtio(timeline, { mediaUrl: (fileName) => url(takePath(fileName)), lanes }))
  }
  if (format === 'fcpxml') {
    const lanes = { tracks, audioUrl: (fileName: string) => mediaFileUrl(audioPath(fileName)) }
    return utf8(writeFcpxml(timeline, { mediaUrl: (fileName) => mediaFileUrl(takePath(fileName)), fallbackSize: { width: 1280, height: 720 }, lanes }))
  }
  if (tracks.filter((track) => track.enabled).length > EDL_AUDIO_CHANNELS.length) warnings.push(`An EDL has two audio channels: only the first two sound lanes that play are in it. Use OTIO or FCPXML for every lane.`)
  if (timeline.events.length > EDL_MAX_EVENTS) warnings.push(`An EDL holds at most ${EDL_MAX_EVENTS} events: clips after ${EDL_MAX_EVENTS} are not in it. Use OTIO or FCPXML for the whole film.`)
  return utf8(writeEdl(timeline, tracks))
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
