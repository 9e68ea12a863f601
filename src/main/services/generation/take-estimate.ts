import { z } from 'zod'
import { estimateClipCost, ratePerSecond } from '../../../shared/domain/cost'
import { ModeSchema, SoundSchema, type Take, type TakeEstimate } from '../../../shared/domain/project'
import type { Prices } from '../../../shared/settings'

const PricedFields = z.object({ mode: ModeSchema, sound: SoundSchema.optional(), duration: z.number().int().nonnegative().optional() })

/**
 * What a take's request is expected to cost at these prices, from the fields that are priced; undefined for a
 * request that does not say (it could not be sent as it is either). An edit's request has no duration: it is
 * billed by its source's length, `billedSeconds`. A request without `sound` (an edit) sends none.
 */
export function estimateOf(request: Take['request'], prices: Prices, at: string, billedSeconds?: number): TakeEstimate | undefined {
  const priced = PricedFields.safeParse(request)
  if (!priced.success) return undefined
  const { mode, sound = 'off' } = priced.data
  const duration = billedSeconds ?? priced.data.duration
  if (duration === undefined) return undefined
  return { usd: estimateClipCost({ mode, sound, duration }, prices), ratePerSecond: ratePerSecond({ mode, sound }, prices), seconds: duration, mode, sound, at }
}

/** An edit keeps the seconds it was priced by when queued (its source's length); other takes say it in their request. */
export const billedSecondsOf = (take: Pick<Take, 'endpoint' | 'estimate'>): number | undefined =>
  take.endpoint === 'video-to-video/edit' ? take.estimate?.seconds : undefined
