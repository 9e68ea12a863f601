import { estimateClipCost, formatUsd } from '../../../../../shared/domain/cost'
import type { Take } from '../../../../../shared/domain/project'
import type { Prices } from '../../../../../shared/settings'

/**
 * What sending this take's request again would cost, from the mode, sound and duration it was sent with (not the
 * clip as it is now: a resubmit sends the recorded request). Null when the record does not say.
 */
export function resendCost(take: Take, prices: Prices): string | null {
  const { mode, sound, duration } = take.request
  if ((mode !== 'std' && mode !== 'pro') || (sound !== 'on' && sound !== 'off') || typeof duration !== 'number') return null
  return formatUsd(estimateClipCost({ mode, sound, duration }, prices))
}
