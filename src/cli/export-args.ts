import { handoffFormats, type HandoffFormat, type OtioMediaPaths } from '../shared/interchange/handoff-format'

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
}

export type ExportParse = ExportArgs | { command: 'usage-error'; message: string }

const flagFormats = new Map<string, ExportFormat>(exportFormats.map((format) => [`--${format}`, format]))

/**
 * `export <project> --otio [file] --edl [file] …`: the first bare word is the project folder; a bare word right
 * after a format flag is that format's file. node:util's parseArgs has no optional option values, hence by hand.
 */
export function parseExportArgs(argv: readonly string[]): ExportParse {
  let projectDir: string | null = null
  const targets: ExportArgs['targets'] = []
  let otioMediaPaths: OtioMediaPaths = 'absolute'
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!
    const format = flagFormats.get(word)
    if (format) {
      if (targets.some((target) => target.format === format)) return usage(`${word} is given twice.`)
      const next = argv[i + 1]
      const takesFile = next !== undefined && !next.startsWith('-') && projectDir !== null
      targets.push({ format, file: takesFile ? next : null })
      if (takesFile) i++
    } else if (word === '--relative-paths') otioMediaPaths = 'relative'
    else if (word.startsWith('-')) return usage(`Unknown option "${word}" for export.`)
    else if (projectDir === null) projectDir = word
    else return usage(`Unexpected argument "${word}".`)
  }
  if (projectDir === null) return usage('Which project? Give its folder: omniboard export <project-folder> --otio.')
  if (targets.length === 0) return usage(`Say what to write: ${exportFormats.map((format) => `--${format}`).join(', ')}.`)
  if (otioMediaPaths === 'relative' && !targets.some((target) => target.format === 'otio')) return usage('--relative-paths is for the .otio: add --otio.')
  return { command: 'export', projectDir, targets, otioMediaPaths }
}

const usage = (message: string): ExportParse => ({ command: 'usage-error', message })
