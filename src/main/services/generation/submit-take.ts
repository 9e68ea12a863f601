import type { Take } from '../../../shared/domain/project'
import type { AppError } from '../../../shared/errors'
import { submitWasNotSent, type SubmitResult } from '../mulerouter/client'
import type { RequestBody } from '../mulerouter/request-body'
import { asAppError, takeStatusForRemote, type Job, type JobContext } from './job-context'
import { uploadMeter } from './progress'
import { requestFromSnapshot } from './request-from-snapshot'
import { isFinalTake } from './take-journal'

type Outcome = { sent: SubmitResult } | { notSent: AppError } | { refused: AppError } | { unknown: AppError } | { stopped: true }

/**
 * Waits for a slot, then POSTs the take's body once. The task id is journaled the moment it is known. Resolves
 * with the take ready to poll, or null when there is nothing to poll (failed, outcome unknown, cancelled).
 */
export async function submitTake(ctx: JobContext, job: Job): Promise<Take | null> {
  const { signal } = job.controller
  if (!job.holdsSlot) {
    job.holdsSlot = await ctx.slots.acquire(signal)
    if (!job.holdsSlot) return null
  }
  const take = ctx.journal.get(job.takeId)
  if (take.status !== 'submitting' || signal.aborted) return null

  let body: RequestBody
  try {
    body = job.body ?? (await requestFromSnapshot(take.request, ctx.session.project(), ctx.readAsset, ctx.imageEncoding()))
  } catch (error) {
    await failUnsent(ctx, job.takeId, asAppError(error, ctx.log))
    return null
  }
  job.body = null

  const outcome = await postWithRetries(ctx, job, body)
  if ('stopped' in outcome) {
    // Stopped before anything left: on dispose, clear the mark so the next run sends it instead of asking; on the
    // user's Stop (which could not yet know), the take was provably never sent, so it is simply cancelled.
    await ctx.journal.update(job.takeId, (current) => {
      if (current.taskId !== null) return current
      if (current.status === 'stopped') return { ...current, status: 'cancelled', submittedAt: null }
      return isFinalTake(current) ? current : { ...current, submittedAt: null }
    })
    return null
  }
  if ('notSent' in outcome) {
    await failUnsent(ctx, job.takeId, outcome.notSent)
    return null
  }
  // A take the user stopped waiting for while its POST was out still learns how the POST ended: that is what
  // says whether a task exists and may be charged.
  const settle = (change: (take: Take) => Take) =>
    ctx.journal.update(job.takeId, (current) => (current.status === 'stopped' || !isFinalTake(current) ? change(current) : current))
  if ('refused' in outcome) {
    await settle((current) => ({ ...current, status: 'failed', error: outcome.refused, finishedAt: new Date(ctx.clock.now()).toISOString() }))
    return null
  }
  if ('unknown' in outcome) {
    await settle((current) => ({ ...current, status: 'submit_unknown', error: outcome.unknown, finishedAt: null }))
    return null
  }
  const { taskId, status, statusKind } = outcome.sent
  // Recorded even on a take cancelled meanwhile: the task exists and is paid for, so its id must not be lost.
  const recorded = await ctx.journal.update(job.takeId, (current) => ({
    ...current,
    taskId,
    remoteStatus: status,
    status: current.status === 'submitting' ? takeStatusForRemote(statusKind, status, 'submitting') : current.status,
  }))
  return isFinalTake(recorded) ? null : recorded
}

async function postWithRetries(ctx: JobContext, job: Job, body: RequestBody): Promise<Outcome> {
  const { signal } = job.controller
  const retries = { connect: 0, rateLimited: 0 }
  for (let attempt = 0; ; attempt++) {
    await ctx.gate.whenOnline(signal)
    if (signal.aborted) return { stopped: true }
    if (attempt === 0 && !(await markSending(ctx, job.takeId))) return { stopped: true }
    const take = ctx.journal.get(job.takeId)
    const onUploadProgress = uploadMeter(ctx.clock.now, ctx.timing.progressThrottleMs, (bytes) => ctx.progress(take, bytes))
    try {
      // The client stops only an upload that has not finished: once the last byte is out, only the answer can tell.
      return { sent: await ctx.client().submit(body, { onUploadProgress, signal }) }
    } catch (error) {
      const failure = asAppError(error, ctx.log)
      if (signal.aborted && provesNothingSent(failure)) return { stopped: true }
      if (failure.code === 'submit_outcome_unknown') return { unknown: failure }
      const delay = retryDelay(ctx, failure, retries)
      if (delay === null) return provesNothingSent(failure) ? { notSent: failure } : { refused: failure }
      ctx.log(`take ${job.takeId}: no task was made (${failure.code}); trying again in ${delay} ms`)
      await ctx.gate.sleep(delay, signal)
    }
  }
}

/**
 * Only two failures are sent again without asking, both proven to have made no task: a connection that never
 * opened, and a 429 (MuleRouter's own client recovers from a one-off 429 the same way), each a bounded number
 * of times. A 429's Retry-After is honoured up to maxRetryAfterMs. Everything else is the user's call.
 */
function retryDelay(ctx: JobContext, failure: AppError, retries: { connect: number; rateLimited: number }): number | null {
  if (submitWasNotSent(failure)) return ctx.timing.submitRetryDelaysMs[retries.connect++] ?? null
  if (failure.code !== 'api_rate_limited') return null
  const fallback = ctx.timing.rateLimitRetryDelaysMs[retries.rateLimited++]
  if (fallback === undefined) return null
  return Math.min(failure.retryAfterMs ?? fallback, ctx.timing.maxRetryAfterMs)
}

/** Not sent at all, or cut before the last byte: the take failed, and nothing can have been charged. */
const provesNothingSent = (failure: AppError): boolean =>
  submitWasNotSent(failure) || failure.code === 'no_api_key' || failure.code === 'upload_interrupted' || failure.code === 'api_rate_limited'

/**
 * Journals `submittedAt` just before the first POST. After a crash, a take with the mark but no task id may have
 * reached MuleRouter (the user decides); one without it provably never left and is simply sent.
 */
async function markSending(ctx: JobContext, takeId: string): Promise<boolean> {
  let marked: Take
  try {
    marked = await ctx.journal.advance(takeId, (current) => ({ ...current, submittedAt: new Date(ctx.clock.now()).toISOString() }))
  } catch (error) {
    // Not durably marked, so not sent: take the mark back, or a later save would make it look sent (and ask).
    await ctx.journal.advance(takeId, (current) => (current.taskId === null ? { ...current, submittedAt: null } : current)).catch(() => undefined)
    throw error
  }
  if (marked.status !== 'submitting') return false
  ctx.progress(marked)
  return true
}

function failUnsent(ctx: JobContext, takeId: string, error: AppError): Promise<Take> {
  const plain = error.code === 'network_offline' || error.code === 'api_rate_limited' ? { ...error, message: `${error.message} Nothing was charged.` } : error
  return ctx.journal.advance(takeId, (current) => ({ ...current, status: 'failed', error: plain, finishedAt: new Date(ctx.clock.now()).toISOString() }))
}
