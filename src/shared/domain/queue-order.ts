import { isQueuedTake, type Take } from './project'

/** Queued takes in the order they go out: by queue position, then (takes queued before positions existed) by age. */
export function queuedInOrder(takes: readonly Take[]): Take[] {
  return takes
    .filter((take) => isQueuedTake(take))
    .sort((a, b) => (a.queuePosition ?? Infinity) - (b.queuePosition ?? Infinity) || a.createdAt.localeCompare(b.createdAt))
}

/** Each queued take's place in line, for the slots to pick the next one by. */
export function sendOrder(takes: readonly Take[]): Map<string, number> {
  return new Map(queuedInOrder(takes).map((take, index) => [take.id, index]))
}

/** The position after the last queued take, so a new action joins the end of the line. */
export function nextQueuePosition(takes: readonly Take[]): number {
  return takes.reduce((last, take) => (isQueuedTake(take) && take.queuePosition !== undefined ? Math.max(last, take.queuePosition) : last), 0) + 1
}

/** New positions after a reorder: the named queued takes first, in the order named, then the rest as they were. */
export function reorderedPositions(takes: readonly Take[], takeIds: readonly string[]): Map<string, number> {
  const queued = queuedInOrder(takes)
  const byId = new Map(queued.map((take) => [take.id, take]))
  const first = [...new Set(takeIds)].flatMap((takeId) => byId.get(takeId) ?? [])
  const named = new Set(first.map((take) => take.id))
  const line = [...first, ...queued.filter((take) => !named.has(take.id))]
  return new Map(line.map((take, index) => [take.id, index + 1]))
}
