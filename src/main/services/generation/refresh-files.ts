import type { Take } from '../../../shared/domain/project'
import type { JobContext } from './job-context'
import { resultFiles } from './result-files'

/**
 * Asks MuleRouter for the task again before a retried download: the service may hand out fresh links. Any
 * failure keeps the links the take already has, so a retry is never worse than before.
 */
export async function refreshFiles(ctx: Pick<JobContext, 'client' | 'log'>, take: Take): Promise<Take['files']> {
  if (take.taskId === null) return take.files
  try {
    const task = await ctx.client().getTask(take.taskId, take.endpoint)
    if (task.statusKind !== 'succeeded' || task.videos.length === 0) return take.files
    return resultFiles(take.files, task.videos)
  } catch {
    ctx.log(`take ${take.id}: could not refresh the result links; using the recorded ones`)
    return take.files
  }
}
