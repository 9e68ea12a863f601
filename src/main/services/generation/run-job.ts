// One take's whole job at MuleRouter, send → poll → download, from wherever its journal left it.
import type { Take } from '../../../shared/domain/project'
import { downloadTake } from './download-take'
import type { Job, JobContext } from './job-context'
import { pollTask } from './poll-task'
import { submitTake } from './submit-take'
import { readTakeVideoFacts } from '../media/take-video-facts'

const rendering = (take: Take): boolean => take.status === 'submitting' || take.status === 'pending' || take.status === 'processing'

/**
 * Carries one take from wherever its journal says it is to the end: send (only if it was provably never sent),
 * poll, download. The same path serves a fresh start and a resume after a crash, so both behave alike.
 */
export async function runJob(ctx: JobContext, job: Job): Promise<void> {
  let take: Take | null = ctx.journal.find(job.takeId) ?? null
  if (take === null) return
  if (take.status === 'submitting' && take.taskId === null) {
    take = await submitTake(ctx, job)
  } else if (!job.holdsSlot) {
    ctx.slots.occupy()
    job.holdsSlot = true
  }
  if (take !== null && rendering(take)) take = await pollTask(ctx, job, take)
  if (take !== null && take.status === 'downloading') take = await downloadTake(ctx, job, take)
  if (take?.status === 'completed') await noteVideoFacts(ctx, take)
}

/** A finished take's video facts, kept with it so an edit or next shot of it can be checked at once; best effort. */
async function noteVideoFacts(ctx: JobContext, take: Take): Promise<void> {
  try {
    const facts = await readTakeVideoFacts(ctx.session, take)
    await ctx.journal.update(take.id, (current) => ({ ...current, videoFacts: facts }))
  } catch (error) {
    ctx.log(`take ${take.id}: its video could not be measured (${error instanceof Error ? error.message : String(error)})`)
  }
}
