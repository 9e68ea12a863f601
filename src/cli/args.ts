import type { ImageEncoding } from '../main/services/mulerouter/build-request'
import { baseUrlPresets } from '../shared/settings'
import { parseExportArgs, type ExportArgs } from './export-args'
import { parseImportScriptArgs, type ImportScriptArgs } from './import-script-args'
import { parseEditArgs, type EditArgs } from './edit-args'
import { parseOptions, type UsageError, usageError } from './parse-options'

/** Which clips to render: all of them, those changed since their take, or these (positions from 1, or ids). */
export type ClipSelection = { kind: 'all' } | { kind: 'stale' } | { kind: 'clips'; refs: string[] }

export interface RenderArgs {
  command: 'render'
  projectDir: string
  selection: ClipSelection
  /** New takes per clip. */
  takes: number
  /** Jobs at MuleRouter at once. */
  concurrency: number
  /** A cap (USD, estimated) for this run alone, on top of the app's budgets. */
  budgetUsd: number | null
  /** Send without asking. */
  yes: boolean
  dryRun: boolean
  full: boolean
  baseUrl: string
  imageEncoding: ImageEncoding
  resubmitUnknown: boolean
  /** The whole run stops waiting after this long; takes already sent stay in the project. */
  timeoutMs: number
  /** A submission is given up after this long without a byte moving. */
  idleTimeoutMs: number
}

export type ParsedArgs = RenderArgs | ExportArgs | ImportScriptArgs | EditArgs | { command: 'help' } | UsageError

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  if (argv[0] === 'export' && !argv.includes('--help') && !argv.includes('-h')) return parseExportArgs(argv.slice(1))
  if (argv[0] === 'import-script' && !argv.includes('--help') && !argv.includes('-h')) return parseImportScriptArgs(argv.slice(1))
  if (argv[0] === 'edit' && !argv.includes('--help') && !argv.includes('-h')) return parseEditArgs(argv.slice(1))
  const parsed = parseOptions(argv, {
    clip: { type: 'string' },
    all: { type: 'boolean', default: false },
    stale: { type: 'boolean', default: false },
    takes: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '1' },
    budget: { type: 'string' },
    yes: { type: 'boolean', short: 'y', default: false },
    'dry-run': { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    'base-url': { type: 'string' },
    'image-encoding': { type: 'string', default: 'raw' },
    'resubmit-unknown': { type: 'boolean', default: false },
    timeout: { type: 'string', default: defaultTimeout },
    'idle-timeout': { type: 'string', default: '60' },
    help: { type: 'boolean', short: 'h', default: false },
  })
  if ('command' in parsed) return parsed
  const { values, positionals } = parsed
  if (values.help) return { command: 'help' }
  const [command, projectDir, ...extra] = positionals
  if (command === undefined) return { command: 'help' }
  if (command !== 'render') return usageError(`Unknown command "${command}".`)
  if (projectDir === undefined) return usageError('Which project? Give its folder: omniboard render <project-folder>.')
  if (extra.length > 0) return usageError(`Unexpected argument "${extra[0]}".`)
  const encoding = values['image-encoding']
  if (encoding !== 'raw' && encoding !== 'data-uri') return usageError('--image-encoding must be raw or data-uri.')
  if (values.full && !values['dry-run']) return usageError('--full only applies to --dry-run.')
  const timeoutMs = parseDuration(values.timeout)
  if (timeoutMs === null) return usageError('--timeout must be a duration such as 90s, 45m or 2h.')
  const idleSeconds = Number(values['idle-timeout'])
  if (!Number.isInteger(idleSeconds) || idleSeconds < 20 || idleSeconds > 600) return usageError('--idle-timeout must be a whole number of seconds from 20 to 600.')
  if ([values.all, values.stale, values.clip !== undefined].filter(Boolean).length > 1) return usageError('Choose one of --all, --stale and --clip.')
  const clipRefs = values.clip?.split(',').map((ref) => ref.trim())
  if (clipRefs?.some((ref) => ref === '')) return usageError('--clip takes positions or ids separated by commas, e.g. --clip 2,5,7.')
  const takes = wholeNumber(values.takes, 1, 5)
  if (takes === null) return usageError('--takes must be a whole number from 1 to 5.')
  const concurrency = wholeNumber(values.concurrency, 1, 10)
  if (concurrency === null) return usageError('--concurrency must be a whole number from 1 to 10.')
  const budgetUsd = values.budget === undefined ? null : Number(values.budget.replace(/^\$/, ''))
  if (budgetUsd !== null && !(Number.isFinite(budgetUsd) && budgetUsd > 0)) return usageError('--budget must be an amount in USD above 0, e.g. --budget 12.50.')
  const baseUrl = resolveBaseUrlArg(values['base-url'])
  if (baseUrl === null) return usageError('--base-url must be mulerouter, mulerun or an http(s) URL.')
  return {
    command: 'render',
    projectDir,
    selection: clipRefs ? { kind: 'clips', refs: clipRefs } : values.stale ? { kind: 'stale' } : { kind: 'all' },
    takes,
    concurrency,
    budgetUsd,
    yes: values.yes,
    dryRun: values['dry-run'],
    full: values.full,
    baseUrl,
    imageEncoding: encoding === 'raw' ? 'raw' : 'dataUri',
    resubmitUnknown: values['resubmit-unknown'],
    timeoutMs,
    idleTimeoutMs: idleSeconds * 1000,
  }
}

function wholeNumber(value: string, min: number, max: number): number | null {
  const number = Number(value)
  return /^\d+$/.test(value.trim()) && number >= min && number <= max ? number : null
}

/** Generous: a long storyboard renders one clip at a time, and each may take many minutes at MuleRouter. */
const defaultTimeout = '2h'
const unitMs = { s: 1_000, m: 60_000, h: 3_600_000 } as const

/** "90s", "45m", "2h"; a bare number is seconds. */
export function parseDuration(value: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([smh]?)$/.exec(value.trim())
  if (!match) return null
  const ms = Number(match[1]) * unitMs[(match[2] || 's') as keyof typeof unitMs]
  return ms > 0 && ms <= 7 * 24 * 3_600_000 ? Math.round(ms) : null
}

export function resolveBaseUrlArg(value: string | undefined): string | null {
  if (value === undefined || value === 'mulerouter') return baseUrlPresets.mulerouter
  if (value === 'mulerun') return baseUrlPresets.mulerun
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.replace(/\/+$/, '') : null
  } catch {
    return null
  }
}
