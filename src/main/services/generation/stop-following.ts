import type { Take } from '../../../shared/domain/project'
import { appError, type AppError, type ErrorCode } from '../../../shared/errors'
import type { JobContext } from './job-context'

const minutes = (ms: number): string => `${Math.round(ms / 60_000)} minutes`

/**
 * Why asking about this task again cannot help until the user does something, or null when waiting can. The
 * task id is in every message: the task may still run (and be charged) at MuleRouter, and support needs it.
 */
export function whyPollingStops(reason: ErrorCode | 'too_old', taskId: string, maxFollowMs: number): AppError | null {
  switch (reason) {
    case 'api_unauthorized':
    case 'api_forbidden':
      return appError(
        reason,
        `MuleRouter did not accept the API key while Omniboard was checking task ${taskId}, so it stopped checking.`,
        'Fix the API key in Settings, then click Check again. The task may still be running at MuleRouter.',
      )
    case 'api_not_found':
      return appError(
        'api_not_found',
        `MuleRouter does not know task ${taskId}, so Omniboard stopped checking it.`,
        `If you were charged for it, quote the task id ${taskId} to MuleRouter support. Check again to ask once more.`,
      )
    case 'too_old':
      return appError(
        'follow_timeout',
        `Omniboard stopped following task ${taskId} after ${minutes(maxFollowMs)} without a result.`,
        'Click Check again to ask MuleRouter once more; the video is downloaded if it is ready.',
      )
    default:
      return null
  }
}

/** The take keeps its task id and any result links: "Check again" starts from there. */
export function stopFollowing(ctx: Pick<JobContext, 'journal' | 'clock'>, takeId: string, why: AppError | null): Promise<Take> {
  const now = new Date(ctx.clock.now()).toISOString()
  return ctx.journal.advance(takeId, (current) => ({ ...current, status: 'stopped', error: why, finishedAt: now }))
}
