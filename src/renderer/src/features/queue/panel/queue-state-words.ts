import type { QueueState } from '../../../../../shared/domain/spend'
import type { TakeStateView } from '../../../../../shared/domain/take-state'

/**
 * What keeps queued takes from going out, for the panel: the queue's hold in the takes' own words ("Paused",
 * "Waiting for connection", from `queueHoldView`), then held takes and MuleRouter's limits.
 */
export function queueStateWords(state: QueueState, hold: TakeStateView | null, now: number = Date.now()): string[] {
  const words: string[] = []
  if (hold) words.push(hold.word)
  if (state.held > 0) words.push(`${state.held} held`)
  if (state.rateLimitedUntil !== null && Date.parse(state.rateLimitedUntil) > now) words.push('MuleRouter asked to slow down')
  else if (state.concurrency.effective < state.concurrency.limit) words.push(`${state.concurrency.effective} of ${state.concurrency.limit} at once for now`)
  return words
}
