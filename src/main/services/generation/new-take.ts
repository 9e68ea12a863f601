import type { Take } from '../../../shared/domain/project'
import { newTakeId } from './take-naming'

/**
 * A take as journaled before anything is sent. `submittedAt` stays null until the job marks it right before its
 * POST, so a take found after a crash without the mark is known never to have left.
 */
export function newTake(clipId: string, request: Take['request'], now: string, actionId: string | undefined): Take {
  return {
    id: newTakeId(),
    clipId,
    status: 'submitting',
    request,
    taskId: null,
    remoteStatus: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    finishedAt: null,
    error: null,
    files: [],
    ...(actionId === undefined ? {} : { actionId }),
  }
}

/** What Stop/Cancel means for a take still in progress: before the POST nothing was sent, after it the task runs on. */
export function stoppedByUser(take: Take, now: string): Take {
  if (take.status === 'submit_unknown') return { ...take, status: 'cancelled', finishedAt: now }
  if (take.taskId === null && take.submittedAt === null) return { ...take, status: 'cancelled', error: null, finishedAt: now }
  return { ...take, status: 'stopped', error: null, finishedAt: now }
}
