import type { Take } from '../../../shared/domain/project'
import type { JobContext } from './job-context'

/**
 * Asks MuleRouter for the task again before a retried download: the service may hand out fresh links. Any
 * failure keeps the links the take already has, so a retry is never worse than before.
 */
export async function refreshFiles(ctx: Pick<JobContext, 'client' | 'log'>, take: Take): Promise<Take['files']> {
  if (take.taskId === null) return take.files
  try {
    const task = await ctx.client().getTask(take.taskId)
    if (task.statusKind !== 'succeeded' || task.videos.length === 0) return take.files
    return task.videos.slice(0, 20).map((url, index) => {
      const known = take.files.find((file) => file.index === index)
      return { index, url, fileName: known?.fileName ?? null, bytes: known?.bytes ?? null }
    })
  } catch {
    ctx.log(`take ${take.id}: could not refresh the result links; using the recorded ones`)
    return take.files
  }
}
