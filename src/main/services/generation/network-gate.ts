import type { Clock } from './engine-deps'

/**
 * Every wait in the engine goes through here, so going offline pauses them all and coming back online (or the
 * machine waking from sleep) ends them at once instead of after a 20 s backoff.
 */
export interface NetworkGate {
  isOnline(): boolean
  setOnline(online: boolean): void
  /** Resolves after `ms` once online, at once when the network comes back, or when `signal` aborts. Never rejects. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  /** Resolves when online (at once if already), or when `signal` aborts. */
  whenOnline(signal: AbortSignal): Promise<void>
}

export function createNetworkGate(clock: Clock): NetworkGate {
  let online = true
  const wakers = new Set<() => void>()

  function wait(ms: number | null, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      let handle: unknown = null
      const finish = (): void => {
        if (handle !== null) clock.clearTimeout(handle)
        wakers.delete(wake)
        signal.removeEventListener('abort', finish)
        resolve()
      }
      const wake = (): void => finish()
      wakers.add(wake)
      signal.addEventListener('abort', finish, { once: true })
      if (ms === null) {
        if (online) finish()
        return
      }
      handle = clock.setTimeout(() => {
        handle = null
        if (online) finish()
      }, ms)
    })
  }

  return {
    isOnline: () => online,
    setOnline(next) {
      const cameBack = next && !online
      online = next
      if (cameBack) for (const wake of [...wakers]) wake()
    },
    sleep: (ms, signal) => wait(Math.max(0, ms), signal),
    whenOnline: (signal) => wait(null, signal),
  }
}
