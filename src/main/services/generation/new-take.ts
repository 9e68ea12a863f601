import type { Take } from '../../../shared/domain/project'
import { defaultGenerationPath, type GenerationPath } from '../../../shared/domain/video-reference'
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

/** A take's request and its path; the path is left out for text-to-video, as takes made before other paths have it. */
export const endpointFields = (request: Take['request'], endpoint: GenerationPath): Pick<Take, 'request' | 'endpoint'> =>
  endpoint === defaultGenerationPath ? { request } : { request, endpoint }

/** "Send again" of a take: the same request on the same path, with the same edit lineage, as a new take. */
export function resentTake(take: Take, now: string): Take {
  return { ...newTake(take.clipId, take.request, now, undefined), ...(take.endpoint ? { endpoint: take.endpoint } : {}), ...(take.edit ? { edit: take.edit } : {}) }
}
