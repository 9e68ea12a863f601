import { isQueuedTake, type Take } from '../../../shared/domain/project'
import type { QueueState } from '../../../shared/domain/spend'
import type { Clock } from './engine-deps'
import type { SendPolicy } from './send-policy'
import { isFinalTake } from './take-journal'

/** The queue as the title bar and the Queue panel show it, from the journal and the send policy. */
export function queueStateOf(takes: readonly Take[], policy: SendPolicy, limit: number): QueueState {
  let queued = 0
  let held = 0
  let running = 0
  for (const take of takes) {
    if (isQueuedTake(take)) {
      queued++
      if (take.hold) held++
    } else if (!isFinalTake(take) && take.status !== 'submit_unknown') running++
  }
  const until = policy.rateLimitedUntil()
  const waiting = policy.waitingForConnection()
  return {
    paused: policy.paused(),
    queued,
    running,
    waitingForConnection: waiting ? queued - held : 0,
    connected: !waiting,
    held,
    concurrency: { limit, effective: policy.effective(limit) },
    rateLimitedUntil: until === null ? null : new Date(until).toISOString(),
    pauseReason: policy.pauseReason(),
  }
}

/**
 * Announces the queue state whenever it changes, at most once per `throttleMs` (the last change always goes out),
 * like job progress: a queue of 40 takes changing at once must not flood IPC.
 */
export function queueStateAnnouncer(state: () => QueueState, announce: (state: QueueState) => void, clock: Clock, throttleMs: number) {
  let last = ''
  let lastAt = -Infinity
  let pending: unknown = null

  function send(): void {
    pending = null
    const next = state()
    const text = JSON.stringify(next)
    if (text === last) return
    last = text
    lastAt = clock.now()
    announce(next)
  }

  return {
    changed(): void {
      if (pending !== null) return
      const wait = lastAt + throttleMs - clock.now()
      if (wait <= 0) send()
      else pending = clock.setTimeout(send, wait)
    },
    dispose(): void {
      if (pending !== null) clock.clearTimeout(pending)
      pending = null
    },
  }
}
