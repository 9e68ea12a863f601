import { budgetStandings, capPhrase, passedCaps } from '../../../shared/domain/budget'
import { formatUsd } from '../../../shared/domain/cost'
import type { Take, TakeHold } from '../../../shared/domain/project'
import { appError, isAppErrorException } from '../../../shared/errors'
import type { RequestBody } from '../mulerouter/request-body'
import { asAppError, type JobContext } from './job-context'
import { requestFromSnapshot } from './request-from-snapshot'
import { queuedInOrder } from '../../../shared/domain/queue-order'
import { billedSecondsOf, estimateOf } from './take-estimate'
import { withLiveVideo } from './live-video'

/** `send`: the body, and what the take now says of itself (its estimate at today's prices, no hold) once it is marked as sending. */
export type SendCheck = { body: RequestBody; sending: (take: Take) => Take } | { held: TakeHold } | { failed: ReturnType<typeof asAppError> }

/**
 * What a queued take must still pass at the moment it is sent, however long it waited: its recorded request still
 * builds (an image it uses may have been removed), and at today's prices it stays within every budget cap. A take
 * that does not pass is held, not sent: it stays queued until the user fixes it or a re-check lets it go.
 */
export async function checkBeforeSending(ctx: JobContext, take: Take): Promise<SendCheck> {
  const at = new Date(ctx.clock.now()).toISOString()
  let body: RequestBody
  try {
    body = await requestFromSnapshot(take, ctx.session.project(), ctx.readAsset, ctx.imageEncoding())
  } catch (error) {
    if (isAppErrorException(error) && error.error.code === 'clip_invalid') return { held: { reason: 'invalid', error: error.error, at } }
    return { failed: asAppError(error, ctx.log) }
  }
  const live = await withLiveVideo(ctx, body)
  if ('failed' in live) return live
  body = live.body
  const estimate = estimateOf(take.request, ctx.money.prices(), at, billedSecondsOf(take)) ?? take.estimate
  if (estimate === undefined) return { body, sending: (current) => ({ ...current, hold: null }) }
  await ctx.book.flush()
  const project = ctx.session.project()
  const standings = budgetStandings({
    caps: ctx.money.budgets(),
    project: { id: project.id, capUsd: project.budget?.capUsd ?? null },
    rows: await ctx.money.ledger.rows(),
    now: at,
    planUsd: estimate.usd,
    // The take itself is the plan; takes queued behind it go after it, so they do not stand in its way.
    excludeTakeIds: new Set([take.id, ...queuedBehind(project.takes, take.id)]),
  })
  const [worst] = passedCaps(standings)
  if (worst !== undefined) {
    const error = appError(
      'budget_exceeded',
      `Held, not sent: this take (≈ ${formatUsd(estimate.usd)}) would pass ${capPhrase(worst, formatUsd)} by ${formatUsd(-worst.leftAfterUsd)}.`,
      'Raise the cap (it is sent then), or cancel the take.',
    )
    return { held: { reason: 'budget', error, at } }
  }
  // Journaled with the sending mark, in the same save: one write fewer per take.
  return { body, sending: (current) => ({ ...current, estimate, hold: null }) }
}

function queuedBehind(takes: readonly Take[], takeId: string): string[] {
  const line = queuedInOrder(takes).map((take) => take.id)
  const index = line.indexOf(takeId)
  return index < 0 ? [] : line.slice(index + 1)
}
