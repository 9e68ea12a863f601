import type { SendPolicy } from './send-policy'

/** A take asking for its turn to be sent. `batch` is the action that queued it (several takes of a clip share one). */
export type Ticket = { takeId: string; clipId: string; batch: string }

/**
 * The concurrency limit on jobs that hold a task at MuleRouter, and the order new POSTs go in. A waiting take is
 * given its turn by queue position (read at each turn, so a reorder changes what goes next), only while the send
 * policy is open, and never while another action's POST for the same clip is still out. A task that already exists
 * (resumed after a restart) always takes a slot, even over the limit: its result URLs expire and it is paid for.
 */
export interface JobSlots {
  /** Waits for a turn; resolves false (holding nothing) if `signal` aborts first. */
  acquire(signal: AbortSignal, ticket: Ticket): Promise<boolean>
  /** Takes a slot regardless of the limit. */
  occupy(): void
  release(): void
  /** The take's POST has its answer (or will not go out): another action's take of the clip may go. */
  posted(takeId: string): void
  /** Hands out turns again (after a reorder, a resume, the policy opening). */
  wake(): void
  active(): number
  waiting(): number
}

export function createJobSlots(limit: () => number, policy: SendPolicy, order: () => ReadonlyMap<string, number>): JobSlots {
  let active = 0
  const queue: { ticket: Ticket; grant: () => void }[] = []
  /** Takes between their turn and their POST's answer, by clip. */
  const posting = new Map<string, Ticket>()
  const hasRoom = (): boolean => active < policy.effective(Math.max(1, limit()))
  const clipFree = (ticket: Ticket): boolean =>
    [...posting.values()].every((other) => other.clipId !== ticket.clipId || other.batch === ticket.batch)

  function drain(): void {
    // Before the order is read: it sorts every take of the project, and each take asking for its turn drains.
    if (queue.length === 0 || !hasRoom() || !policy.open()) return
    const ranks = order()
    const rank = (ticket: Ticket): number => ranks.get(ticket.takeId) ?? Number.MAX_SAFE_INTEGER
    while (queue.length > 0 && hasRoom() && policy.open()) {
      let best = -1
      for (let i = 0; i < queue.length; i++) {
        const entry = queue[i]!
        if (clipFree(entry.ticket) && (best < 0 || rank(entry.ticket) < rank(queue[best]!.ticket))) best = i
      }
      if (best < 0) return
      const [entry] = queue.splice(best, 1)
      active++
      posting.set(entry!.ticket.takeId, entry!.ticket)
      entry!.grant()
    }
  }

  return {
    acquire(signal, ticket) {
      if (signal.aborted) return Promise.resolve(false)
      return new Promise((resolve) => {
        const entry = {
          ticket,
          grant: () => {
            signal.removeEventListener('abort', onAbort)
            resolve(true)
          },
        }
        const onAbort = (): void => {
          const index = queue.indexOf(entry)
          if (index >= 0) queue.splice(index, 1)
          resolve(false)
        }
        signal.addEventListener('abort', onAbort, { once: true })
        queue.push(entry)
        drain()
      })
    },
    occupy() {
      active++
    },
    release() {
      active = Math.max(0, active - 1)
      drain()
    },
    posted(takeId) {
      if (posting.delete(takeId)) drain()
    },
    wake: drain,
    active: () => active,
    waiting: () => queue.length,
  }
}
