import { estimateClipCost } from '../../../../shared/domain/cost'
import type { Take } from '../../../../shared/domain/project'
import type { Prices } from '../../../../shared/settings'
import { queuedTakeView, takeStatusView } from '../takes/take-status'

type Pill = { label: string; tone: 'info' | 'accent' | 'success' | 'warning' | 'danger' | 'neutral' }

/** Where a take stands in the queue, in the take list's words once it is sent. */
export function queueStatus(take: Take, queued: boolean, context: { paused: boolean; online: boolean }): Pill {
  if (!queued) return take.status === 'submitting' ? { label: 'Uploading', tone: 'info' } : takeStatusView[take.status]
  if (take.hold?.reason === 'budget') return { label: 'Held: budget', tone: 'warning' }
  if (take.hold?.reason === 'invalid') return { label: 'Held: needs a fix', tone: 'danger' }
  if (!context.online) return { label: 'Waiting for connection', tone: 'warning' }
  if (context.paused) return { label: 'Paused', tone: 'neutral' }
  return queuedTakeView
}

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
