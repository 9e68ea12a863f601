// Queue-wide rules for when any POST may start (pause, 429 back-off, offline); one take's own checks are in check-before-sending.ts.
import type { AppError } from '../../../shared/errors'
import type { Clock, GenerationTiming } from './engine-deps'

/**
 * When a new POST may start, for the whole queue: not while paused, not while a 429's Retry-After runs (it holds
 * for every take, not just the one that got it), not while MuleRouter cannot be reached, and with the concurrency
 * lowered for a while after a 429. Changes are announced so the slots can hand out turns again.
 */
export interface SendPolicy {
  open(): boolean
  paused(): boolean
  /** Why the engine paused the queue itself (MuleRouter refused the account), or null. */
  pauseReason(): AppError | null
  /** The user's pause or resume has no reason; a resume always clears one. */
  setPaused(paused: boolean, reason?: AppError | null): void
  /** The concurrency to use now: the setting, halved after a 429 and stepping back up while it stays quiet. */
  effective(limit: number): number
  rateLimitedUntil(): number | null
  /** A 429: nothing new goes out for its Retry-After (or a wait that grows with each 429 in a row). */
  rateLimited(retryAfterMs: number | undefined, limit: number): void
  /** A POST answered other than 429. */
  answered(): void
  /** MuleRouter could not be reached even after the connect retries: queued takes wait, one is tried later. */
  unreachable(): void
  /** The connection is back (the network monitor, or a POST got through): queued takes go at once. */
  reachable(): void
  /** Offline (the network monitor): nothing new is tried until it is back. */
  setOnline(online: boolean): void
  waitingForConnection(): boolean
  onChange(listener: () => void): void
  dispose(): void
}

type Timing = Pick<GenerationTiming, 'rateLimitRetryDelaysMs' | 'maxRetryAfterMs' | 'rateLimitRecoveryMs' | 'reconnectDelaysMs'>

/** `saved`: the queue's state as the project last recorded it (absent: never paused). */
export function createSendPolicy(clock: Clock, timing: Timing, saved: { paused: boolean; pauseReason?: AppError | null } | undefined): SendPolicy {
  let paused = saved?.paused ?? false
  let pauseReason = paused ? (saved?.pauseReason ?? null) : null
  let limitedUntil: number | null = null
  let lowered: number | null = null
  let rateLimitsInARow = 0
  let unreachableSince: number | null = null
  let reconnectAttempts = 0
  let online = true
  const timers = { limited: null as unknown, recovery: null as unknown, reconnect: null as unknown }
  const listeners: (() => void)[] = []
  const changed = (): void => listeners.forEach((listener) => listener())
  const at = <T>(list: readonly T[], index: number): T | undefined => list[Math.min(index, list.length - 1)]

  function replaceTimer(name: keyof typeof timers, ms: number | null, fire: () => void): void {
    if (timers[name] !== null) clock.clearTimeout(timers[name])
    timers[name] = ms === null ? null : clock.setTimeout(() => {
      timers[name] = null
      fire()
    }, ms)
  }

  function stepUp(limit: number): void {
    lowered = lowered === null || lowered + 1 >= limit ? null : lowered + 1
    if (lowered !== null) replaceTimer('recovery', timing.rateLimitRecoveryMs, () => stepUp(limit))
    changed()
  }

  return {
    open: () => online && !paused && limitedUntil === null && unreachableSince === null,
    paused: () => paused,
    pauseReason: () => pauseReason,
    setPaused(next, reason = null) {
      const nextReason = next ? reason : null
      if (next === paused && nextReason === pauseReason) return
      paused = next
      pauseReason = nextReason
      changed()
    },
    effective: (limit) => Math.max(1, Math.min(limit, lowered ?? limit)),
    rateLimitedUntil: () => limitedUntil,
    rateLimited(retryAfterMs, limit) {
      const wait = Math.min(retryAfterMs ?? at(timing.rateLimitRetryDelaysMs, rateLimitsInARow) ?? 0, timing.maxRetryAfterMs)
      rateLimitsInARow++
      lowered = Math.max(1, Math.floor((lowered ?? limit) / 2))
      replaceTimer('recovery', timing.rateLimitRecoveryMs, () => stepUp(limit))
      const until = Math.max(limitedUntil ?? 0, clock.now() + wait)
      if (until !== limitedUntil) {
        limitedUntil = until
        replaceTimer('limited', until - clock.now(), () => {
          limitedUntil = null
          changed()
        })
      }
      changed()
    },
    answered() {
      rateLimitsInARow = 0
    },
    unreachable() {
      // Several takes finding it unreachable at once are one finding, not several steps of the backoff.
      if (unreachableSince !== null) return
      unreachableSince = clock.now()
      const wait = at(timing.reconnectDelaysMs, reconnectAttempts++) ?? 0
      // After the wait the queue opens again; if nothing can connect then either, this is called again, later.
      replaceTimer('reconnect', wait, () => {
        unreachableSince = null
        changed()
      })
      changed()
    },
    reachable() {
      reconnectAttempts = 0
      if (unreachableSince === null && timers.reconnect === null) return
      unreachableSince = null
      replaceTimer('reconnect', null, () => undefined)
      changed()
    },
    setOnline(next) {
      if (next === online) return
      online = next
      changed()
    },
    waitingForConnection: () => !online || unreachableSince !== null,
    onChange(listener) {
      listeners.push(listener)
    },
    dispose() {
      for (const name of Object.keys(timers) as (keyof typeof timers)[]) replaceTimer(name, null, () => undefined)
      listeners.length = 0
    },
  }
}
