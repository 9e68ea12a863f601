import type { FilmCaptions } from '../shared/captions/film-captions-options'
import { handoffFormats, type HandoffFormat, type OtioMediaPaths } from '../shared/interchange/handoff-format'
import { filmCaptionsFrom, isCaptionFlag, type CaptionFlag } from './film-caption-args'
import { type UsageError, usageError } from './parse-options'

/** The hand-off files, plus the film itself as one MP4. */
export type ExportFormat = HandoffFormat | 'film'
const exportFormats: readonly ExportFormat[] = [...handoffFormats, 'film']

export interface ExportArgs {
  command: 'export'
  projectDir: string
  /** Each format asked for, with the file to write or null for the default place in `<project>/exports/`. */
  targets: { format: ExportFormat; file: string | null }[]
  /** `--relative-paths`: the .otio names takes by paths relative to itself instead of absolute file:// URLs. */
  otioMediaPaths: OtioMediaPaths
  /** With --film: the captions as a subtitle track or burned in (--captions soft|burn and the --caption-… flags). */
  filmCaptions?: FilmCaptions
}

export type ExportParse = ExportArgs | UsageError

const flagFormats = new Map<string, ExportFormat>(exportFormats.map((format) => [`--${format}`, format]))

/**
 * `export <project> --otio [file] --edl [file] …`: the first bare word is the project folder; a bare word right
 * after a format flag is that format's file. node:util's parseArgs has no optional option values, hence by hand.
 */
export function parseExportArgs(argv: readonly string[]): ExportParse {
  let projectDir: string | null = null
  const targets: ExportArgs['targets'] = []
  let otioMediaPaths: OtioMediaPaths = 'absolute'
  const captionFlags = new Map<CaptionFlag, string>()
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!
    const format = flagFormats.get(word)
    if (isCaptionFlag(word)) {
      const value = argv[++i]
      if (value === undefined || value.startsWith('-')) return usageError(`${word} needs a value.`)
      captionFlags.set(word, value)
    } else if (format) {
      if (targets.some((target) => target.format === format)) return usageError(`${word} is given twice.`)
      const next = argv[i + 1]
      const takesFile = next !== undefined && !next.startsWith('-') && projectDir !== null
      targets.push({ format, file: takesFile ? next : null })
      if (takesFile) i++
    } else if (word === '--relative-paths') otioMediaPaths = 'relative'
    else if (word.startsWith('-')) return usageError(`Unknown option "${word}" for export.`)
    else if (projectDir === null) projectDir = word
    else return usageError(`Unexpected argument "${word}".`)
  }
  if (projectDir === null) return usageError('Which project? Give its folder: omniboard export <project-folder> --otio.')
  if (targets.length === 0) return usageError(`Say what to write: ${exportFormats.map((format) => `--${format}`).join(', ')}.`)
  if (otioMediaPaths === 'relative' && !targets.some((target) => target.format === 'otio')) return usageError('--relative-paths is for the .otio: add --otio.')
  const filmCaptions = filmCaptionsFrom(captionFlags)
  if (typeof filmCaptions === 'string') return usageError(filmCaptions)
  if (filmCaptions === null) return { command: 'export', projectDir, targets, otioMediaPaths }
  if (!targets.some((target) => target.format === 'film')) return usageError('--captions is for the film: add --film (for a captions file, use --srt or --vtt).')
  return { command: 'export', projectDir, targets, otioMediaPaths, filmCaptions }
}

