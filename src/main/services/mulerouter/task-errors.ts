import { appError, type AppError } from '../../../shared/errors'
import type { TaskError } from './request-schema'

/**
 * Kling's own refusal codes, which MuleRouter passes on: 1300 (platform policy) and 1301 (content safety). MuleRouter
 * documents no refusal code of its own, so the words of the title or detail count too (**ours**, in this file only).
 */
const refusalCodes: ReadonlySet<number> = new Set([1300, 1301])
const refusalWords = /moderat|content (?:polic|safety|security|review|risk)|risk control|safety (?:check|review|system|filter)|sensitive|inappropriate|nsfw|prohibited|violat/i

/** What a failed task means to the user: refused for its content (sent unchanged, refused again), or failed. */
export function taskFailed(taskError: TaskError | undefined): AppError {
  const parts = [taskError?.title, taskError?.detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
  const code = taskError?.code === undefined ? '' : ` (code ${taskError.code})`
  const reason = parts.length > 0 ? `: ${parts.join(' — ')}` : ''
  if (refusalCodes.has(Number(taskError?.code)) || parts.some((part) => refusalWords.test(part))) {
    return appError(
      'task_refused',
      `Kling refused to make this video for its content${code}${reason}.`,
      'Change the prompt or images it objects to, then generate again; sent unchanged, it would be refused again.',
    )
  }
  const providerSide = typeof taskError?.code === 'number' && taskError.code >= 3001 && taskError.code <= 3005
  return appError(
    'task_failed',
    `The video could not be generated${code}${reason}.`,
    providerSide ? 'The model provider failed; try again, perhaps with a simpler prompt.' : 'Try again; if it fails again, change the prompt or images.',
  )
}
