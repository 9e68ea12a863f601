import type { QueueState } from '../../../../shared/domain/spend'

/** What keeps queued takes from going out, for the title bar and the panel: "Paused", "3 waiting for connection". */
export function queueStateWords(state: QueueState, now: number = Date.now()): string[] {
  const words: string[] = []
  if (state.paused) words.push('Paused')
  if (state.waitingForConnection > 0) words.push(`${state.waitingForConnection} waiting for connection`)
  if (state.held > 0) words.push(`${state.held} held`)
  if (state.rateLimitedUntil !== null && Date.parse(state.rateLimitedUntil) > now) words.push('MuleRouter asked to slow down')
  else if (state.concurrency.effective < state.concurrency.limit) words.push(`${state.concurrency.effective} of ${state.concurrency.limit} at once for now`)
  return words
}
