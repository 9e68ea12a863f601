import type { Take } from '../../../shared/domain/project'
import type { AppError } from '../../../shared/errors'
import type { TaskState } from '../mulerouter/client'
import { taskFailed } from '../mulerouter/task-errors'
import { isKnownStatus } from '../mulerouter/request-schema'
import { asAppError, takeStatusForRemote, type Job, type JobContext } from './job-context'
import { resultFiles } from './result-files'
import { stopFollowing, whyPollingStops } from './stop-following'
import { isFinalTake } from './take-journal'

const sameError = (a: AppError | null, b: AppError | null): boolean => a?.code === b?.code && a?.message === b?.message

/**
 * Polls the take's task until it finishes. A GET that fails for a passing reason (offline, 429, 5xx) never fails
 * the take: reading costs nothing, so it tries again and shows the last error until an answer comes. An answer
 * that waiting cannot change (bad key, task unknown) or a job older than `maxFollowMs` stops following the take,
 * keeping its task id for "Check again". Resolves with the take in `downloading` (result URLs recorded) or null.
 */
export async function pollTask(ctx: JobContext, job: Job, start: Take): Promise<Take | null> {
  const { signal } = job.controller
  const taskId = start.taskId
  if (taskId === null) return null
  const followedSince = ctx.clock.now()
  let backoff = ctx.timing.firstPollMs
  // A Retry-After stretches one wait only; it does not push the steady backoff up to its maximum.
  let delay = backoff
  let take = start
  while (true) {
    await ctx.gate.sleep(jittered(ctx, delay), signal)
    if (signal.aborted) return null
    if (ctx.clock.now() - followedSince > ctx.timing.maxFollowMs) {
      await stopFollowing(ctx, job.takeId, whyPollingStops('too_old', taskId, ctx.timing.maxFollowMs))
      return null
    }
    let task: TaskState
    try {
      task = await ctx.client().getTask(taskId, take.endpoint)
    } catch (error) {
      const failure = asAppError(error, ctx.log)
      const hopeless = whyPollingStops(failure.code, taskId, ctx.timing.maxFollowMs)
      if (hopeless !== null) {
        ctx.log(`take ${job.takeId}: poll answered ${failure.code}; stopped following`)
        await stopFollowing(ctx, job.takeId, hopeless)
        return null
      }
      ctx.log(`take ${job.takeId}: poll failed (${failure.code}); will try again`)
      if (!sameError(take.error, failure)) take = await ctx.journal.advance(job.takeId, (current) => ({ ...current, error: failure }))
      if (isFinalTake(take)) return null
      ctx.progress(take)
      backoff = nextDelay(ctx, backoff)
      delay = Math.max(backoff, failure.retryAfterMs ?? 0)
      continue
    }
    take = await recordTask(ctx, job.takeId, take, task)
    if (isFinalTake(take)) return null
    ctx.progress(take)
    if (take.status === 'downloading') return take
    backoff = nextDelay(ctx, backoff)
    delay = backoff
  }
}

function nextDelay(ctx: JobContext, delay: number): number {
  return Math.min(ctx.timing.maxPollMs, Math.round(delay * ctx.timing.pollBackoff))
}

/** Spreads the polls of many takes (and many users) so they do not hit MuleRouter in step. */
function jittered(ctx: JobContext, delay: number): number {
  return Math.round(delay * (1 + ctx.timing.pollJitter * (2 * ctx.random() - 1)))
}

async function recordTask(ctx: JobContext, takeId: string, take: Take, task: TaskState): Promise<Take> {
  const status = takeStatusForRemote(task.statusKind, task.status, take.status)
  if (task.statusKind === 'in_progress' && status === take.status && task.status === take.remoteStatus && take.error === null) return take
  if (!isKnownStatus(task.status)) {
    ctx.log(`take ${takeId}: unknown task status "${task.status.slice(0, 40)}", still waiting`)
  }
  const now = new Date(ctx.clock.now()).toISOString()
  return ctx.journal.advance(takeId, (current) => {
    const next: Take = { ...current, status, remoteStatus: task.status, error: null }
    if (task.statusKind === 'failed') return { ...next, error: task.error ?? taskFailed(undefined), finishedAt: now }
    if (task.statusKind === 'succeeded') return { ...next, files: resultFiles(current.files, task.videos) }
    return next
  })
}
