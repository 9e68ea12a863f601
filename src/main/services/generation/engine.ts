import type { Take } from '../../../shared/domain/project'
import { validateClip } from '../../../shared/domain/validate-clip'
import { canSendAgain } from '../../../shared/domain/take-resend'
import { fail } from '../../../shared/errors'
import { assetReaderFor, buildRequestBody } from '../mulerouter/build-request'
import type { RequestBody } from '../mulerouter/request-body'
import { createActionMemory } from './action-memory'
import { prepareCheckAgain } from './check-again'
import { defaultTiming, systemClock, type GenerationDeps, type GenerationEngine } from './engine-deps'
import type { Job, JobContext } from './job-context'
import { createJobSlots } from './job-slots'
import { createNetworkGate } from './network-gate'
import { newTake, stoppedByUser } from './new-take'
import { removeOrphanPartials } from './orphan-partials'
import { progressOf } from './progress'
import { requestFromSnapshot } from './request-from-snapshot'
import { prepareResume } from './resume-plan'
import { runJob } from './run-job'
import { createTakeDecisions } from './take-decisions'
import { createTakeJournal, isFinalTake } from './take-journal'

export function createGenerationEngine(deps: GenerationDeps): GenerationEngine {
  const clock = deps.clock ?? systemClock
  const log = deps.log ?? (() => undefined)
  const journal = createTakeJournal(deps.session, deps.emit, () => clock.now())
  const ctx: JobContext = {
    session: deps.session,
    journal,
    client: deps.client,
    imageEncoding: deps.imageEncoding,
    readAsset: assetReaderFor((assetId) => deps.session.assetPath(assetId)),
    gate: createNetworkGate(clock),
    slots: createJobSlots(deps.maxConcurrentJobs),
    timing: { ...defaultTiming, ...deps.timing },
    clock,
    random: deps.random ?? Math.random,
    reservedFileNames: new Set(),
    progress: (take, bytes) => deps.emit('job:progress', progressOf(take, clock.now(), bytes)),
    log,
  }
  const jobs = new Map<string, { job: Job; done: Promise<void> }>()
  /** Resume checks still looking at the disk; idle() waits for them too. */
  const chores = new Set<Promise<void>>()
  const actions = createActionMemory((actionId) => deps.session.project().takes.find((take) => take.actionId === actionId))
  const decisions = createTakeDecisions()
  let disposed = false
  const nowIso = (): string => new Date(clock.now()).toISOString()

  /** Jobs that stopped on an error (a failed save, say) and will be tried again; cleared on dispose. */
  const relaunches = new Map<string, unknown>()

  function launch(takeId: string, body: RequestBody | null): void {
    if (disposed || jobs.has(takeId)) return
    const job: Job = { takeId, controller: new AbortController(), body, holdsSlot: false }
    const done = runJob(ctx, job)
      .catch((error: unknown) => {
        log(`take ${takeId}: job stopped: ${error instanceof Error ? error.message : String(error)}`)
        relaunchLater(takeId)
      })
      .finally(() => {
        if (job.holdsSlot) ctx.slots.release()
        jobs.delete(takeId)
      })
    jobs.set(takeId, { job, done })
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
      launch(takeId, null)
    }, ctx.timing.maxPollMs)
    relaunches.set(takeId, handle)
  }

  function chore(work: Promise<void>): Promise<void> {
    const tracked = work.catch((error: unknown) => log(`resume: ${error instanceof Error ? error.message : String(error)}`)).finally(() => chores.delete(tracked))
    chores.add(tracked)
    return tracked
  }

  /** Journals a new take before anything is sent, then hands it to a job. */
  async function addAndLaunch(clipId: string, snapshot: Take['request'], body: RequestBody, actionId?: string): Promise<Take> {
    if (disposed) fail('internal', 'Generation has stopped because the project is closing.', 'Open the project again.')
    const take = await journal.add(newTake(clipId, snapshot, nowIso(), actionId))
    ctx.progress(take)
    launch(take.id, body)
    return take
  }

  async function idle(): Promise<void> {
    while (jobs.size > 0 || chores.size > 0) {
      await Promise.allSettled([...[...jobs.values()].map((entry) => entry.done), ...chores])
    }
  }

  const dismissed = (take: Take): Take =>
    take.status === 'submit_unknown' || canSendAgain(take) ? { ...take, status: 'cancelled', finishedAt: nowIso() } : take

  async function startNew(clipId: string, actionId: string | undefined): Promise<Take> {
    const project = deps.session.project()
    const clip = project.clips.find((candidate) => candidate.id === clipId)
    if (!clip) fail('not_found', 'This clip is no longer in the project.', 'Pick another clip.')
    const problems = validateClip(clip, project).filter((issue) => issue.severity === 'error')
    if (problems.length > 0) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
      fail('clip_invalid', `This clip cannot be generated yet: ${problems.slice(0, 3).map((issue) => issue.message).join('; ')}${more}.`, 'Fix the marked fields, then generate again.')
    }
    deps.client()
    const built = await buildRequestBody(clip, project, ctx.readAsset, { imageEncoding: deps.imageEncoding() })
    return addAndLaunch(clip.id, built.snapshot, built.body, actionId)
  }

  async function resolveUnknown(takeId: string, action: 'resubmit' | 'dismiss'): Promise<Take> {
    const take = journal.get(takeId)
    if (take.status !== 'submit_unknown' && !canSendAgain(take)) fail('invalid_request', 'This take is not waiting for a decision.', 'Refresh the take list.')
    if (action === 'dismiss') return journal.update(takeId, dismissed)
    deps.client()
    const body = await requestFromSnapshot(take.request, deps.session.project(), ctx.readAsset, deps.imageEncoding())
    // The new take is journaled first: if Omniboard stops in between, the old question is still there to answer.
    const fresh = await addAndLaunch(take.clipId, take.request, body)
    await journal.update(takeId, dismissed)
    return fresh
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
    launch(takeId, null)
    return ready
  }

  return {
    start: (clipId, actionId) => actions.once(actionId, () => startNew(clipId, actionId)),
    resolveUnknown: (takeId, action) => decisions.run(takeId, () => resolveUnknown(takeId, action)),
    cancel: (takeId) => decisions.run(takeId, () => cancel(takeId)),
    checkAgain: (takeId) => decisions.run(takeId, () => checkAgain(takeId)),

    async resume() {
      const planned: Promise<void>[] = [chore(removeOrphanPartials(ctx))]
      for (const take of deps.session.project().takes) {
        if (isFinalTake(take) && take.status !== 'completed' && take.status !== 'stopped') continue
        if (jobs.has(take.id) || take.status === 'submit_unknown') continue
        planned.push(chore(prepareResume(ctx, take).then((go) => (go ? launch(take.id, null) : undefined))))
      }
      await Promise.all(planned)
    },

    setOnline: (online) => ctx.gate.setOnline(online),

    idle,

    async dispose() {
      disposed = true
      for (const handle of relaunches.values()) clock.clearTimeout(handle)
      relaunches.clear()
      for (const { job } of jobs.values()) job.controller.abort()
      // A POST already on the wire is awaited (up to the request timeout) so its task id still reaches the journal.
      await idle()
    },
  }
}
