import type { Mode } from '../shared/domain/project'
import { parseDuration, resolveBaseUrlArg } from './args'
import { parseOptions, type UsageError, usageError } from './parse-options'

/** `omniboard edit <project> --clip N --take M "instruction" [--keep-sound]`: one edit of one take, queued and rendered. */
export interface EditArgs {
  command: 'edit'
  projectDir: string
  /** The clip's position (from 1) or id, and the take's number within it (from 1, in the order takes were made). */
  clip: string
  take: number
  instruction: string
  negativePrompt: string
  keepSound: boolean
  mode: Mode
  yes: boolean
  dryRun: boolean
  baseUrl: string
  timeoutMs: number
}

export type EditParse = EditArgs | UsageError

export function parseEditArgs(argv: readonly string[]): EditParse {
  const parsed = parseOptions(argv, {
    clip: { type: 'string' },
    take: { type: 'string' },
    'keep-sound': { type: 'boolean', default: false },
    negative: { type: 'string', default: '' },
    mode: { type: 'string', default: 'pro' },
    yes: { type: 'boolean', short: 'y', default: false },
    'dry-run': { type: 'boolean', default: false },
    'base-url': { type: 'string' },
    timeout: { type: 'string', default: '1h' },
  })
  if ('command' in parsed) return parsed
  const { values, positionals } = parsed
  const [projectDir, instruction, ...extra] = positionals
  if (projectDir === undefined) return usageError('Which project? omniboard edit <project-folder> --clip N --take M "instruction".')
  if (instruction === undefined || instruction.trim() === '') return usageError('Say what to change, in quotes: omniboard edit <project> --clip 2 --take 1 "add falling snow".')
  if (extra.length > 0) return usageError(`Unexpected argument "${extra[0]}" (put the instruction in quotes).`)
  if (values.clip === undefined || values.clip.trim() === '') return usageError('--clip is required: the clip\'s position on the timeline (from 1) or its id.')
  const take = Number(values.take)
  if (values.take === undefined || !/^\d+$/.test(values.take) || take < 1) return usageError('--take is required: the take\'s number within its clip (from 1).')
  if (values.mode !== 'std' && values.mode !== 'pro') return usageError('--mode must be std or pro.')
  const timeoutMs = parseDuration(values.timeout)
  if (timeoutMs === null) return usageError('--timeout must be a duration such as 90s, 45m or 2h.')
  const baseUrl = resolveBaseUrlArg(values['base-url'])
  if (baseUrl === null) return usageError('--base-url must be mulerouter, mulerun or an http(s) URL.')
  return {
    command: 'edit',
    projectDir,
    clip: values.clip.trim(),
    take,
    instruction,
    negativePrompt: values.negative,
    keepSound: values['keep-sound'],
    mode: values.mode,
    yes: values.yes,
    dryRun: values['dry-run'],
    baseUrl,
    timeoutMs,
  }
}
