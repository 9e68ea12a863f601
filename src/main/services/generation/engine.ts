import type { Take } from '../../../shared/domain/project'
import { canSendAgain } from '../../../shared/domain/take-resend'
import { fail } from '../../../shared/errors'
import { assetReaderFor } from '../mulerouter/build-request'
import PQueue from 'p-queue'
import { createActionMemory } from './action-memory'
import { prepareCheckAgain } from './check-again'
import { defaultTiming, systemClock, type Emit, type GenerationDeps, type GenerationEngine } from './engine-deps'
import type { Job, JobContext } from './job-context'
import { createJobSlots } from './job-slots'
import { createLedgerBook } from './ledger-book'
import { createNetworkGate } from './network-gate'
import { resentTake, stoppedByUser } from './new-take'
import { removeOrphanPartials } from './orphan-partials'
import { progressOf } from './progress'
import { createQueueActions } from './queue-actions'
import { createEditActions } from './edit-actions'
import { sendOrder } from '../../../shared/domain/queue-order'
import { queueStateAnnouncer, queueStateOf } from './queue-state'
import { requestFromSnapshot } from './request-from-snapshot'
import { prepareResume } from './resume-plan'
import { runJob } from './run-job'
import { createSendPolicy } from './send-policy'
import { billedSecondsOf, estimateOf } from './take-estimate'
import { createTakeDecisions } from './take-decisions'
import { createTakeJournal, isFinalTake } from './take-journal'
import { checkVideoUrl } from '../web-video/check-video-url'

export function createGenerationEngine(deps: GenerationDeps): GenerationEngine {
  const clock = deps.clock ?? systemClock
  const log = deps.log ?? (() => undefined)
  const timing = { ...defaultTiming, ...deps.timing }
  const limit = (): number => Math.max(1, deps.maxConcurrentJobs())
  const policy = createSendPolicy(clock, timing, deps.session.project().queue)
  const book = createLedgerBook(deps.ledger, () => deps.session.project(), log)
  const queueState = () => queueStateOf(deps.session.project().takes, policy, limit())
  const announcer = queueStateAnnouncer(queueState, (state) => deps.emit('queue:state', state), clock, timing.progressThrottleMs)
  // Every journaled change of a take also moves its ledger row and the queue state.
  const emit: Emit = (...args) => {
    deps.emit(...args)
    if (args[0] === 'take:updated') {
      book.note(args[1].take)
      announcer.changed()
    }
  }
  const journal = createTakeJournal(deps.session, emit, () => clock.now())
  const slots = createJobSlots(limit, policy, () => sendOrder(deps.session.project().takes))
  policy.onChange(() => {
    slots.wake()
    announcer.changed()
  })
  const ctx: JobContext = {
    session: deps.session,
    journal,
    client: deps.client,
    imageEncoding: deps.imageEncoding,
    readAsset: assetReaderFor(deps.session),
    gate: createNetworkGate(clock),
    slots,
    policy,
    limit,
    money: deps,
    book,
    checks: new PQueue({ concurrency: 1 }),
    timing,
    clock,
    random: deps.random ?? Math.random,
    reservedFileNames: new Set(),
    videoUrls: deps.checkVideoUrl ?? ((url) => checkVideoUrl(url)),
    progress: (take, bytes) => deps.emit('job:progress', progressOf(take, clock.now(), bytes)),
    log,
  }
  const jobs = new Map<string, { job: Job; done: Promise<void> }>()
  /** Resume checks still looking at the disk; idle() waits for them too. */
  const chores = new Set<Promise<void>>()
  const actions = createActionMemory((actionId) => deps.session.project().takes.filter((take) => take.actionId === actionId))
  const decisions = createTakeDecisions()
  let disposed = false
  const nowIso = (): string => new Date(clock.now()).toISOString()

  /** Jobs that stopped on an error (a failed save, say) and will be tried again; cleared on dispose. */
  const relaunches = new Map<string, unknown>()

  function launch(takeId: string): void {
    if (disposed || jobs.has(takeId)) return
    const job: Job = { takeId, controller: new AbortController(), holdsSlot: false }
    const done = runJob(ctx, job)
      .catch((error: unknown) => {
        log(`take ${takeId}: job stopped: ${error instanceof Error ? error.message : String(error)}`)
        relaunchLater(takeId)
      })
      .finally(() => {
        if (job.holdsSlot) ctx.slots.release()
        jobs.delete(takeId)
        if (recheckWhenDone.delete(takeId)) launch(takeId)
      })
    jobs.set(takeId, { job, done })
  }

  /** Held takes whose job was still winding down when a re-check was asked for. */
  const recheckWhenDone = new Set<string>()
  function recheck(takeId: string): void {
    if (jobs.has(takeId)) recheckWhenDone.add(takeId)
    else launch(takeId)
  }

  /**
   * Gives a job that threw (usually a save that failed) another go after a while. Only where that cannot send
   * twice: the take has a task id to poll, or provably was never sent. A take marked as sending without a task
   * id is left alone; the next open asks the user about it.
   */
  function relaunchLater(takeId: string): void {
    const take = journal.find(takeId)
    if (disposed || !take || isFinalTake(take) || relaunches.has(takeId)) return
    if (take.taskId === null && !(take.status === 'submitting' && take.submittedAt === null)) return
    const handle = clock.setTimeout(() => {
      relaunches.delete(takeId)
      launch(takeId)
    }, ctx.timing.maxPollMs)
    relaunches.set(takeId, handle)
  }

  function chore(work: Promise<void>): Promise<void> {
    const tracked = work.catch((error: unknown) => log(`resume: ${error instanceof Error ? error.message : String(error)}`)).finally(() => chores.delete(tracked))
    chores.add(tracked)
    return tracked
  }

  const assertRunning = (): void => {
    if (disposed) fail('internal', 'Generation has stopped because the project is closing.', 'Open the project again.')
  }
  const queue = createQueueActions({ ctx, deps, launch, recheck, state: queueState, assertRunning })
  const edits = createEditActions({ ctx, deps, launch, serially: queue.serially, assertRunning })

  async function idle(): Promise<void> {
    while (jobs.size > 0 || chores.size > 0) {
      await Promise.allSettled([...[...jobs.values()].map((entry) => entry.done), ...chores])
    }
    await book.flush()
  }

  const dismissed = (take: Take): Take =>
    take.status === 'submit_unknown' || canSendAgain(take) ? { ...take, status: 'cancelled', finishedAt: nowIso() } : take

  async function resolveUnknown(takeId: string, action: 'resubmit' | 'dismiss'): Promise<Take> {
    const take = journal.get(takeId)
    if (take.status !== 'submit_unknown' && !canSendAgain(take)) fail('invalid_request', 'This take is not waiting for a decision.', 'Refresh the take list.')
    if (action === 'dismiss') return journal.update(takeId, dismissed)
    deps.client()
    await requestFromSnapshot(take, deps.session.project(), ctx.readAsset, deps.imageEncoding())
    assertRunning()
    const now = nowIso()
    const estimate = estimateOf(take.request, deps.prices(), now, billedSecondsOf(take))
    // The new take is journaled first: if Omniboard stops in between, the old question is still there to answer.
    const [fresh] = await journal.addAll([{ ...resentTake(take, now), ...(estimate ? { estimate } : {}) }])
    ctx.progress(fresh!)
    launch(fresh!.id)
    await journal.update(takeId, dismissed)
    return fresh!
  }

  async function cancel(takeId: string): Promise<Take> {
    const take = journal.get(takeId)
    if (isFinalTake(take)) return take
    jobs.get(takeId)?.job.controller.abort()
    return journal.update(takeId, (current) => (isFinalTake(current) ? current : stoppedByUser(current, nowIso())))
  }

  async function checkAgain(takeId: string): Promise<Take> {
    const running = jobs.get(takeId)
    if (running) {
      // A job that just saved its take as failed is still unwinding; wait for it instead of ignoring the click.
      if (!isFinalTake(journal.get(takeId))) return journal.get(takeId)
      await running.done
    }
    const ready = await prepareCheckAgain(ctx, journal.get(takeId))
    launch(takeId)
    return ready
  }

  return {
    start: async (clipId, actionId) => (await actions.once(actionId, () => queue.enqueue([clipId], 1, actionId)))[0]!,
    plan: queue.plan,
    edit: async (request, actionId) => (await actions.once(actionId, async () => [await edits.edit(request, actionId)]))[0]!,
    planEdit: edits.plan,
    enqueue: (clipIds, takesPerClip, actionId) => actions.once(actionId, () => queue.enqueue(clipIds, takesPerClip, actionId)),
    reorder: queue.reorder,
    setPaused: queue.setPaused,
    queueState,
    recheckHolds: queue.recheckHolds,
    limitChanged() {
      slots.wake()
      announcer.changed()
    },
    resolveUnknown: (takeId, action) => decisions.run(takeId, () => resolveUnknown(takeId, action)),
    cancel: (takeId) => decisions.run(takeId, () => cancel(takeId)),
    checkAgain: (takeId) => decisions.run(takeId, () => checkAgain(takeId)),

    async resume() {
      const planned: Promise<void>[] = [chore(removeOrphanPartials(ctx))]
      for (const take of deps.session.project().takes) {
        if (isFinalTake(take) && take.status !== 'completed' && take.status !== 'stopped') continue
        if (jobs.has(take.id) || take.status === 'submit_unknown') continue
        planned.push(chore(prepareResume(ctx, take).then((go) => (go ? launch(take.id) : undefined))))
      }
      await Promise.all(planned)
    },

    setOnline(online) {
      ctx.gate.setOnline(online)
      policy.setOnline(online)
      if (online) policy.reachable()
    },

    idle,

    async dispose() {
      disposed = true
      for (const handle of relaunches.values()) clock.clearTimeout(handle)
      relaunches.clear()
      for (const { job } of jobs.values()) job.controller.abort()
      // A POST already on the wire is awaited (up to the request timeout) so its task id still reaches the journal.
      await idle()
      policy.dispose()
      announcer.dispose()
    },
  }
}
