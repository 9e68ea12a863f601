import { canCheckAgain } from '../../../shared/domain/check-again'
import type { Take } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import type { JobContext } from './job-context'
import { refreshFiles } from './refresh-files'

/**
 * Journals a take as followed again: with result links known it goes straight to downloading (after asking for
 * fresh links), without them it polls the task first. Never sends anything new.
 */
export async function prepareCheckAgain(ctx: Pick<JobContext, 'client' | 'log' | 'journal'>, take: Take): Promise<Take> {
  if (!canCheckAgain(take)) fail('invalid_request', 'This take has no task at MuleRouter to ask about.', 'Generate the clip instead.')
  const files = take.files.length > 0 ? await refreshFiles(ctx, take) : take.files
  return ctx.journal.update(take.id, (current) => ({
    ...current,
    status: files.length > 0 ? 'downloading' : 'pending',
    error: null,
    finishedAt: null,
    files,
  }))
}
