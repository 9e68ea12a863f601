import { isQueuedTake, type Take } from '../../../../shared/domain/project'
import { queuedInOrder } from '../../../../shared/domain/queue-order'
import { isRunning } from '../takes/list/take-status'

/** Sent and still being followed: uploading, rendering at MuleRouter, or downloading. */
const inFlight = (take: Take): boolean => !isQueuedTake(take) && isRunning(take.status)

export type QueueTakes = { running: Take[]; queued: Take[] }

let cache: { from: readonly Take[]; result: QueueTakes } | null = null

/** The project's queue as the panel lists it: what is out now, then what waits, in the order it will go. */
export function queueTakesOf(takes: readonly Take[]): QueueTakes {
  if (cache?.from === takes) return cache.result
  const result = { running: takes.filter(inFlight), queued: queuedInOrder(takes) }
  cache = { from: takes, result }
  return result
}

/** The title bar's badge: queued plus running. */
export const queueCountOf = (takes: readonly Take[]): number => {
  const { running, queued } = queueTakesOf(takes)
  return running.length + queued.length
}
