import { z } from 'zod'
import { estimateClipCost, ratePerSecond } from '../../../shared/domain/cost'
import { ModeSchema, SoundSchema, type Take, type TakeEstimate } from '../../../shared/domain/project'
import type { Prices } from '../../../shared/settings'

const PricedFields = z.object({ mode: ModeSchema, sound: SoundSchema, duration: z.number().int().nonnegative() })

/**
 * What a take's request is expected to cost at these prices, from the fields that are priced; undefined for a
 * request that does not say (it could not be sent as it is either).
 */
export function estimateOf(request: Take['request'], prices: Prices, at: string): TakeEstimate | undefined {
  const priced = PricedFields.safeParse(request)
  if (!priced.success) return undefined
  const { mode, sound, duration } = priced.data
  return { usd: estimateClipCost({ mode, sound, duration }, prices), ratePerSecond: ratePerSecond({ mode, sound }, prices), seconds: duration, mode, sound, at }
}
