// Asks MuleRouter for a take's result link again when the video server cannot be reached.
import type { Take } from '../../../shared/domain/project'
import { appError } from '../../../shared/errors'
import { asAppError, type JobContext } from './job-context'

export type LinkCheck =
  /** MuleRouter gave a different link for this video: try that one. */
  | { kind: 'fresh'; url: string }
  /** MuleRouter answered, but with the same link (or could not say): the video server itself is the problem. */
  | { kind: 'same' }
  /** MuleRouter no longer has a video for this task. */
  | { kind: 'gone'; error: ReturnType<typeof appError> }
  /** MuleRouter cannot be reached either: this machine is offline. */
  | { kind: 'offline' }

const gone = (taskId: string) =>
  appError(
    'download_expired',
    `The link to this video no longer works and MuleRouter has no fresh one for task ${taskId}.`,
    'MuleRouter keeps results only for a short time; generate the clip again. Quote the task id to support if you think this is wrong.',
  )

/**
 * Asked when the video server cannot be reached: re-asks the task for its result links, which tells a dead or
 * expired link (MuleRouter answers) from a machine that is offline (it does not). Reading a task costs nothing.
 */
export async function freshLink(ctx: Pick<JobContext, 'client' | 'log'>, take: Take, index: number, currentUrl: string): Promise<LinkCheck> {
  if (take.taskId === null) return { kind: 'same' }
  try {
    const task = await ctx.client().getTask(take.taskId, take.endpoint)
    const url = task.statusKind === 'succeeded' ? task.videos[index] : undefined
    if (url === undefined) return { kind: 'gone', error: gone(take.taskId) }
    return url === currentUrl ? { kind: 'same' } : { kind: 'fresh', url }
  } catch (error) {
    const failure = asAppError(error, ctx.log)
    if (failure.code === 'network_offline') return { kind: 'offline' }
    if (failure.code === 'api_not_found') return { kind: 'gone', error: gone(take.taskId) }
    return { kind: 'same' }
  }
}
