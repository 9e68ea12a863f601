import type { AppError, ErrorCode } from '../shared/errors'

/** Documented in --help; scripts branch on them, so they never change meaning. */
export const exitCodes = {
  ok: 0,
  usage: 2,
  invalidProject: 3,
  apiRejected: 4,
  taskFailed: 5,
  other: 6,
  timedOut: 7,
  /** The plan would pass a budget (the app's daily, monthly or project cap, or --budget); nothing was sent. */
  overBudget: 8,
  interrupted: 130,
} as const
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

const invalidProjectCodes: readonly ErrorCode[] = [
  'clip_invalid',
  'not_found',
  'project_not_found',
  'project_locked',
  'project_corrupt',
  'project_unsafe_file',
  'project_too_new',
  'project_changed_on_disk',
  'image_not_supported',
  'image_too_large',
  'image_too_small',
  'image_bad_aspect',
  'image_unreadable',
  'script_too_large',
  'script_unreadable',
  'script_unsafe',
]

/** MuleRouter answered and said no: retrying the same way will not help. */
const apiRejectionCodes: readonly ErrorCode[] = ['api_unauthorized', 'api_insufficient_credits', 'api_forbidden', 'api_not_found', 'api_rejected', 'api_rate_limited']

export function exitCodeFor(error: AppError): ExitCode {
  if (error.code === 'no_api_key') return exitCodes.usage
  if (invalidProjectCodes.includes(error.code)) return exitCodes.invalidProject
  if (apiRejectionCodes.includes(error.code)) return exitCodes.apiRejected
  if (error.code === 'task_failed' || error.code === 'task_refused') return exitCodes.taskFailed
  if (error.code === 'budget_exceeded') return exitCodes.overBudget
  return exitCodes.other
}
