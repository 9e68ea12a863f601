import { estimateClipCost } from '../../../../../shared/domain/cost'
import type { Take } from '../../../../../shared/domain/project'
import type { Prices } from '../../../../../shared/settings'

/** Why a held take waits, and what to do: main's own words from the hold. */
export function holdWords(take: Take): string | null {
  if (!take.hold) return null
  return `${take.hold.error.message} ${take.hold.error.hint}`
}

/** The estimate the take carries (fixed when it was queued), else one from its recorded request and today's prices. */
export function takeEstimateUsd(take: Take, prices: Prices | null): number | null {
  if (take.estimate) return take.estimate.usd
  const { mode, sound, duration } = take.request
  if (!prices || (mode !== 'std' && mode !== 'pro') || (sound !== 'on' && sound !== 'off') || typeof duration !== 'number') return null
  return estimateClipCost({ mode, sound, duration }, prices)
}
