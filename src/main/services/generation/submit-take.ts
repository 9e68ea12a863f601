import type { Take } from '../../../shared/domain/project'
import type { AppError } from '../../../shared/errors'
import { submitWasNotSent, type SubmitResult } from '../mulerouter/client'
import type { TextToVideoRequest } from '../mulerouter/request-schema'
import { asAppError, takeStatusForRemote, type Job, type JobContext } from './job-context'
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

  let body: TextToVideoRequest
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

async function postWithRetries(ctx: JobContext, job: Job, body: TextToVideoRequest): Promise<Outcome> {
  const { signal } = job.controller
  const delays = ctx.timing.submitRetryDelaysMs
  for (let attempt = 0; ; attempt++) {
    await ctx.gate.whenOnline(signal)
    if (signal.aborted) return { stopped: true }
    if (attempt === 0 && !(await markSending(ctx, job.takeId))) return { stopped: true }
    try {
      // Deliberately not abortable: once the request may be on the wire, only its answer can say what happened.
      return { sent: await ctx.client().submit(body) }
    } catch (error) {
      const failure = asAppError(error, ctx.log)
      if (failure.code === 'submit_outcome_unknown') return { unknown: failure }
      if (failure.code === 'no_api_key') return { notSent: failure }
      if (!submitWasNotSent(failure)) return { refused: failure }
      const delay = delays[attempt]
      if (delay === undefined) return { notSent: failure }
      ctx.log(`take ${job.takeId}: not sent (${failure.code}); trying again in ${delay} ms`)
      await ctx.gate.sleep(delay, signal)
    }
  }
}

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
  const plain = error.code === 'network_offline' ? { ...error, message: `${error.message} Nothing was charged.` } : error
  return ctx.journal.advance(takeId, (current) => ({ ...current, status: 'failed', error: plain, finishedAt: new Date(ctx.clock.now()).toISOString() }))
}
