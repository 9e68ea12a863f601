/**
 * The concurrency limit on jobs that hold a task at MuleRouter. New POSTs wait for a free slot, first come first
 * served; a task that already exists (resumed after a restart) always takes a slot, even over the limit, because
 * its result URLs expire and it is paid for already.
 */
export interface JobSlots {
  /** Waits for a free slot; resolves false (holding nothing) if `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<boolean>
  /** Takes a slot regardless of the limit. */
  occupy(): void
  release(): void
  active(): number
  waiting(): number
}

export function createJobSlots(limit: () => number): JobSlots {
  let active = 0
  const queue: { grant: () => void }[] = []
  const hasRoom = (): boolean => active < Math.max(1, limit())

  function drain(): void {
    while (queue.length > 0 && hasRoom()) {
      active++
      queue.shift()?.grant()
    }
  }

  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(false)
      if (queue.length === 0 && hasRoom()) {
        active++
        return Promise.resolve(true)
      }
      return new Promise((resolve) => {
        const entry = {
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
      })
    },
    occupy() {
      active++
    },
    release() {
      active = Math.max(0, active - 1)
      drain()
    },
    active: () => active,
    waiting: () => queue.length,
  }
}
