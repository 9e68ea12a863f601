import PQueue from 'p-queue'
import type { Take } from '../../../shared/domain/project'
import type { QueuePlan, QueueState } from '../../../shared/domain/spend'
import { AppErrorException, isAppErrorException } from '../../../shared/errors'
import { buildRequestBody } from '../mulerouter/build-request'
import type { GenerationDeps } from './engine-deps'
import type { JobContext } from './job-context'
import { endpointFields, newTake } from './new-take'
import { nextQueuePosition, reorderedPositions } from '../../../shared/domain/queue-order'
import { clipsToQueue, planQueue, planRefusal } from './queue-plan'
import { estimateOf } from './take-estimate'

type QueueDeps = {
  ctx: JobContext
  deps: Pick<GenerationDeps, 'client' | 'imageEncoding' | 'budgets' | 'prices' | 'ledger'>
  launch: (takeId: string) => void
  /** Checks a held take again: now, or as soon as the job that is holding it has finished. */
  recheck: (takeId: string) => void
  state: () => QueueState
  assertRunning: () => void
}

/** Queueing, reordering and pausing: what the user does to the line of takes waiting to be sent. */
export function createQueueActions({ ctx, deps, launch, recheck, state, assertRunning }: QueueDeps) {
  /** One queue action at a time, so two cannot both fit in the last dollar of a budget, nor take the same places. */
  const admissions = new PQueue({ concurrency: 1 })
  const nowIso = (): string => new Date(ctx.clock.now()).toISOString()

  async function plan(clipIds: readonly string[], takesPerClip: number): Promise<QueuePlan> {
    await ctx.book.flush()
    const input = { project: ctx.session.project(), caps: deps.budgets(), prices: deps.prices(), rows: await deps.ledger.rows(), now: nowIso() }
    return planQueue(input, clipIds, takesPerClip)
  }

  async function admit(clipIds: readonly string[], takesPerClip: number, actionId: string | undefined): Promise<Take[]> {
    assertRunning()
    const refusal = planRefusal(await plan(clipIds, takesPerClip))
    if (refusal) throw new AppErrorException(refusal)
    deps.client()
    const project = ctx.session.project()
    const clips = clipsToQueue(project, clipIds)
    const requests: Pick<Take, 'request' | 'endpoint'>[] = []
    for (const { clip, position } of clips) {
      try {
        const built = await buildRequestBody(clip, project, ctx.readAsset, { imageEncoding: deps.imageEncoding() })
        requests.push(endpointFields(built.snapshot, built.endpoint))
      } catch (error) {
        if (!isAppErrorException(error) || clips.length === 1) throw error
        throw new AppErrorException({ ...error.error, message: `Clip ${position}: ${error.error.message} Nothing was queued.` })
      }
    }
    const now = nowIso()
    const prices = deps.prices()
    let position = nextQueuePosition(project.takes)
    const takes = clips.flatMap(({ clip }, index) =>
      Array.from({ length: takesPerClip }, (): Take => {
        const { request, endpoint } = requests[index]!
        const estimate = estimateOf(request, prices, now)
        return { ...newTake(clip.id, request, now, actionId), ...(endpoint ? { endpoint } : {}), queuePosition: position++, ...(estimate ? { estimate } : {}) }
      }),
    )
    assertRunning()
    await ctx.journal.addAll(takes)
    // Their ledger rows are on disk before the action answers, so another window or the CLI counts them at once.
    await ctx.book.flush()
    for (const take of takes) ctx.progress(take)
    for (const take of takes) launch(take.id)
    return takes
  }

  function recheckHolds(): void {
    for (const take of ctx.session.project().takes) if (take.hold && take.status === 'submitting') recheck(take.id)
  }

  return {
    plan,
    serially: <T>(action: () => Promise<T>): Promise<T> => admissions.add(action) as Promise<T>,
    enqueue: (clipIds: readonly string[], takesPerClip: number, actionId: string | undefined) => admissions.add(() => admit(clipIds, takesPerClip, actionId)),
    async reorder(takeIds: readonly string[]): Promise<QueueState> {
      const positions = reorderedPositions(ctx.session.project().takes, takeIds)
      const moved = new Set([...positions].filter(([takeId, position]) => ctx.journal.find(takeId)?.queuePosition !== position).map(([takeId]) => takeId))
      if (moved.size > 0) await ctx.journal.updateAll(moved, (take) => ({ ...take, queuePosition: positions.get(take.id) ?? take.queuePosition }))
      ctx.slots.wake()
      return state()
    },
    /** The user's pause or resume; either way it replaces a pause the engine made for the account, and its reason. */
    async setPaused(paused: boolean): Promise<QueueState> {
      await ctx.session.updateEngineState((current) => ({ ...current, queue: { paused } }))
      ctx.policy.setPaused(paused)
      if (!paused) recheckHolds()
      return state()
    },
    recheckHolds,
  }
}
