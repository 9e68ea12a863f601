import type { Take } from '../../../shared/domain/project'
import { appError } from '../../../shared/errors'
import { fileOnDisk } from './download-take'
import type { JobContext } from './job-context'

export type ResumePlan = 'continue' | 'unknown' | 'redownload' | 'nothing'

/**
 * What to do with a take found in the journal when a project opens. A take marked as sent (submittedAt) but
 * without a task id may have reached MuleRouter: it becomes a question for the user, never a silent resend.
 */
export async function planResume(ctx: Pick<JobContext, 'session'>, take: Take): Promise<ResumePlan> {
  switch (take.status) {
    case 'submitting':
      if (take.taskId !== null || take.submittedAt === null) return 'continue'
      return 'unknown'
    case 'pending':
    case 'processing':
    case 'downloading':
      return 'continue'
    case 'stopped':
      // Stopped while its POST was out and closed before the answer came: it may exist and be charged.
      return take.taskId === null && take.submittedAt !== null ? 'unknown' : 'nothing'
    case 'completed': {
      if (take.taskId === null || take.files.length === 0) return 'nothing'
      for (const file of take.files) if ((await fileOnDisk(ctx, file)) === null) return 'redownload'
      return 'nothing'
    }
    default:
      return 'nothing'
  }
}

const stoppedWhileSending = () =>
  appError(
    'submit_outcome_unknown',
    'Omniboard stopped while sending this take, so it cannot tell whether MuleRouter started it. It may have been created and charged.',
    'Check your MuleRouter dashboard, then send it again or dismiss it.',
  )

/** Journals what resuming means for the take; resolves true when a job should carry it on. */
export async function prepareResume(ctx: Pick<JobContext, 'session' | 'journal'>, take: Take): Promise<boolean> {
  const plan = await planResume(ctx, take)
  if (plan === 'nothing') return false
  if (plan === 'unknown') {
    await ctx.journal.update(take.id, (current) => ({ ...current, status: 'submit_unknown', error: stoppedWhileSending(), finishedAt: null }))
    return false
  }
  if (plan === 'redownload') await ctx.journal.update(take.id, (current) => ({ ...current, status: 'downloading', finishedAt: null }))
  return true
}
