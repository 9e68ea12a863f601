import type { Take } from '../../../shared/domain/project'
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
    case 'completed': {
      if (take.taskId === null || take.files.length === 0) return 'nothing'
      for (const file of take.files) if ((await fileOnDisk(ctx, file)) === null) return 'redownload'
      return 'nothing'
    }
    default:
      return 'nothing'
  }
}
