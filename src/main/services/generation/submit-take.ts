import { isQueuedTake, type Take } from '../../../shared/domain/project'
import type { AppError } from '../../../shared/errors'
import { submitWasNotSent, type SubmitResult } from '../mulerouter/client'
import type { RequestBody } from '../mulerouter/request-body'
import { accountPauseReason, pauseForAccount } from './account-pause'
import { asAppError, takeStatusForRemote, type Job, type JobContext } from './job-context'
import { uploadMeter } from './progress'
import { checkBeforeSending } from './check-before-sending'
import { isFinalTake } from './take-journal'

type Outcome = { sent: SubmitResult } | { notSent: AppError } | { refused: AppError } | { unknown: AppError } | { stopped: true } | { again: true }

/**
 * Waits for the take's turn in the queue, then POSTs its body once. The task id is journaled the moment it is
 * known. A 429, MuleRouter not reachable, or a refusal of the account (402, 401, 403) puts the take back in line
 * (still queued, provably never sent) rather than failing it. Resolves with the take ready to poll, or null when
 * there is nothing to poll (failed, held, outcome unknown, cancelled).
 */
export async function submitTake(ctx: JobContext, job: Job): Promise<Take | null> {
  for (;;) {
    if (!job.holdsSlot) {
      const take = ctx.journal.get(job.takeId)
      job.holdsSlot = await ctx.slots.acquire(job.controller.signal, { takeId: take.id, clipId: take.clipId, batch: take.actionId ?? take.id })
      if (!job.holdsSlot) return null
    }
    let turn: Take | null | 'again'
    try {
      turn = await takeTurn(ctx, job)
    } finally {
      ctx.slots.posted(job.takeId)
    }
    if (turn !== 'again') return turn
    job.holdsSlot = false
    ctx.slots.release()
  }
}

async function takeTurn(ctx: JobContext, job: Job): Promise<Take | null | 'again'> {
  const { signal } = job.controller
  const take = ctx.journal.get(job.takeId)
  if (take.status !== 'submitting' || signal.aborted) return null

  const check = await ctx.checks.add(() => checkBeforeSending(ctx, take))
  if ('failed' in check) {
    await failUnsent(ctx, job.takeId, check.failed)
    return null
  }
  if ('held' in check) {
    await ctx.journal.advance(job.takeId, (current) => (isQueuedTake(current) ? { ...current, hold: check.held } : current))
    return null
  }

  // Paused, rate limited or cut off while this take was being checked: it is not out yet, so it waits its turn again.
  if (!ctx.policy.open()) return 'again'
  const outcome = await postWithRetries(ctx, job, check.body, check.sending)
  if ('again' in outcome) {
    await ctx.journal.advance(job.takeId, (current) => (current.taskId === null ? { ...current, submittedAt: null } : current))
    return 'again'
  }
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

/**
 * Only two failures are sent again without asking, both proven to have made no task: a connection that never
 * opened (a few quick retries, then the take waits in the queue for the connection), and a 429 (the take goes
 * back in line, and the whole queue waits out the Retry-After). A refusal of the account also made no task: the
 * take goes back in line and the whole queue pauses until the user resumes it. Everything else is the user's call.
 */
async function postWithRetries(ctx: JobContext, job: Job, body: RequestBody, sending: (take: Take) => Take): Promise<Outcome> {
  const { signal } = job.controller
  for (let attempt = 0; ; attempt++) {
    await ctx.gate.whenOnline(signal)
    if (signal.aborted) return { stopped: true }
    if (attempt === 0 && !(await markSending(ctx, job.takeId, sending))) return { stopped: true }
    const take = ctx.journal.get(job.takeId)
    const onUploadProgress = uploadMeter(ctx.clock.now, ctx.timing.progressThrottleMs, (bytes) => ctx.progress(take, bytes))
    try {
      // The client stops only an upload that has not finished: once the last byte is out, only the answer can tell.
      const sent = await ctx.client().submit(body, { onUploadProgress, signal })
      answered(ctx)
      return { sent }
    } catch (error) {
      const failure = asAppError(error, ctx.log)
      if (signal.aborted && provesNothingSent(failure)) return { stopped: true }
      if (failure.code === 'api_rate_limited') {
        ctx.log(`take ${job.takeId}: rate limited (429); back in the queue`)
        ctx.policy.rateLimited(failure.retryAfterMs, ctx.limit())
        return { again: true }
      }
      if (!submitWasNotSent(failure)) answered(ctx)
      if (failure.code === 'submit_outcome_unknown') return { unknown: failure }
      const pause = accountPauseReason(failure)
      if (pause !== null) {
        ctx.log(`take ${job.takeId}: MuleRouter refused the account (${failure.code}); the queue pauses and the take waits in it`)
        await pauseForAccount(ctx, pause)
        return { again: true }
      }
      if (!submitWasNotSent(failure)) return provesNothingSent(failure) ? { notSent: failure } : { refused: failure }
      const delay = ctx.timing.submitRetryDelaysMs[attempt]
      if (delay === undefined) {
        ctx.log(`take ${job.takeId}: MuleRouter cannot be reached; the take waits in the queue for the connection`)
        ctx.policy.unreachable()
        return { again: true }
      }
      ctx.log(`take ${job.takeId}: no task was made (${failure.code}); trying again in ${delay} ms`)
      await ctx.gate.sleep(delay, signal)
    }
  }
}

/** Any answer from MuleRouter proves it can be reached, and ends a run of 429s. */
function answered(ctx: JobContext): void {
  ctx.policy.answered()
  ctx.policy.reachable()
}

/** Not sent at all, cut before the last byte, or refused before any task was made: nothing can have been charged. */
const provesNothingSent = (failure: AppError): boolean =>
  submitWasNotSent(failure) ||
  failure.code === 'no_api_key' ||
  failure.code === 'upload_interrupted' ||
  failure.code === 'api_rate_limited' ||
  accountPauseReason(failure) !== null

/**
 * Journals `submittedAt` just before the first POST. After a crash, a take with the mark but no task id may have
 * reached MuleRouter (the user decides); one without it provably never left and is simply sent.
 */
async function markSending(ctx: JobContext, takeId: string, sending: (take: Take) => Take): Promise<boolean> {
  let marked: Take
  try {
    marked = await ctx.journal.advance(takeId, (current) => ({ ...sending(current), submittedAt: new Date(ctx.clock.now()).toISOString() }))
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
  return ctx.journal.advance(takeId, (current) => ({ ...current, status: 'failed', error, finishedAt: new Date(ctx.clock.now()).toISOString() }))
}
