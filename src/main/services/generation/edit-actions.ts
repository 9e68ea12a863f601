import { editBilledSeconds } from '../../../shared/domain/cost'
import type { EditRequest } from '../../../shared/domain/edit-request'
import type { Take } from '../../../shared/domain/project'
import type { QueuePlan } from '../../../shared/domain/spend'
import { AppErrorException } from '../../../shared/errors'
import { nextQueuePosition } from '../../../shared/domain/queue-order'
import { buildEditBody } from '../mulerouter/build-request'
import type { GenerationDeps } from './engine-deps'
import { editSourceSeconds, planEdit } from './edit-plan'
import type { JobContext } from './job-context'
import { newTake } from './new-take'
import { planRefusal } from './queue-plan'
import { estimateOf } from './take-estimate'

type EditDeps = {
  ctx: JobContext
  deps: Pick<GenerationDeps, 'client' | 'imageEncoding' | 'budgets' | 'prices' | 'ledger'>
  launch: (takeId: string) => void
  /** Queue actions run one at a time, so two cannot both fit in the last dollar of a budget. */
  serially: <T>(action: () => Promise<T>) => Promise<T>
  assertRunning: () => void
}

/**
 * Edits of a video by instruction: planned and queued like clips, as one new take of the clip, journaled with its
 * lineage (source, instruction) and path before anything is sent. Billed by the source's length.
 */
export function createEditActions({ ctx, deps, launch, serially, assertRunning }: EditDeps) {
  const nowIso = (): string => new Date(ctx.clock.now()).toISOString()

  async function plan(edit: EditRequest): Promise<QueuePlan> {
    await ctx.book.flush()
    const input = { project: ctx.session.project(), caps: deps.budgets(), prices: deps.prices(), rows: await deps.ledger.rows(), now: nowIso() }
    return planEdit(input, edit)
  }

  async function admit(edit: EditRequest, actionId: string): Promise<Take> {
    assertRunning()
    const refusal = planRefusal(await plan(edit))
    if (refusal) throw new AppErrorException(refusal)
    deps.client()
    const project = ctx.session.project()
    const built = await buildEditBody(edit, project, ctx.readAsset, { imageEncoding: deps.imageEncoding() })
    const now = nowIso()
    const estimate = estimateOf(built.snapshot, deps.prices(), now, editBilledSeconds(editSourceSeconds(edit, project) ?? 0))
    const take: Take = {
      ...newTake(edit.clipId, built.snapshot, now, actionId),
      endpoint: built.endpoint,
      edit: { source: edit.source, instruction: edit.instruction },
      queuePosition: nextQueuePosition(project.takes),
      ...(estimate ? { estimate } : {}),
    }
    assertRunning()
    await ctx.journal.addAll([take])
    // Its ledger row is on disk before the action answers, so budgets elsewhere count it at once.
    await ctx.book.flush()
    ctx.progress(take)
    launch(take.id)
    return take
  }

  return { plan, edit: (edit: EditRequest, actionId: string) => serially(() => admit(edit, actionId)) }
}
