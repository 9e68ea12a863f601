import { type UsageError, usageError } from './parse-options'
/** `import-script <project> <script> [--scenes 3-7] [--speak] [--dry-run]`. */
export interface ImportScriptArgs {
  command: 'import-script'
  projectDir: string
  scriptFile: string
  /** Inclusive ranges of scene numbers (12A counts as 12), or of places in a script without numbers; null = all. */
  scenes: Array<[number, number]> | null
  speak: boolean
  dryRun: boolean
}

export type ImportScriptParse = ImportScriptArgs | UsageError

export function parseImportScriptArgs(argv: readonly string[]): ImportScriptParse {
  const words: string[] = []
  let scenes: ImportScriptArgs['scenes'] = null
  let speak = false
  let dryRun = false
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!
    if (word === '--dry-run') dryRun = true
    else if (word === '--speak') speak = true
    else if (word === '--scenes' || word.startsWith('--scenes=')) {
      const value = word === '--scenes' ? argv[++i] : word.slice('--scenes='.length)
      scenes = value === undefined ? null : sceneRanges(value)
      if (!scenes) return usageError(`--scenes takes numbers and ranges, e.g. --scenes 3-7 or --scenes 1,4,9-12 (got "${value ?? ''}").`)
    } else if (word.startsWith('-')) return usageError(`Unknown option "${word}" for import-script.`)
    else words.push(word)
  }
  if (words.length !== 2) return usageError('Give the project folder and the script: omniboard import-script <project-folder> <script.fountain|.fdx>.')
  return { command: 'import-script', projectDir: words[0]!, scriptFile: words[1]!, scenes, speak, dryRun }
}

function sceneRanges(value: string): Array<[number, number]> | null {
  const ranges: Array<[number, number]> = []
  for (const part of value.split(',')) {
    const match = /^\s*(\d{1,6})\s*(?:-\s*(\d{1,6}))?\s*$/.exec(part)
    if (!match) return null
    const from = Number(match[1])
    const to = Number(match[2] ?? match[1])
    if (to < from) return null
    ranges.push([from, to])
  }
  return ranges
}

