import { closeSync, openSync, readSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

export type Stalls = {
  histogramMaxMs: number
  intervalMaxGapMs: number
  /**
   * Of the longest interval gap, how long this thread was on a CPU and how long it sat runnable waiting for one
   * (Linux's per-thread schedstat); the rest it was neither, as when the virtual machine itself is not running.
   * Null where the kernel does not tell.
   */
  longestGap: { runningMs: number; waitingMs: number } | null
  /**
   * The most CPU time this thread spent between two ticks of the interval: how long this process's own work (its
   * code and its garbage collection) held the event loop, whatever the machine did meanwhile.
   */
  ownMaxGapMs: number | null
}

/**
 * Two views of the longest event-loop stall while some work runs: Node's event-loop delay histogram and a
 * 1 ms interval that records the largest gap between its own ticks (the time a click or an IPC reply waits).
 * On a virtual machine whose two cores a browser, a fake server and a test driver share, a gap is also time the
 * thread was ready but not scheduled, or the machine paused; the kernel's per-thread run time separates that out.
 * (The main process does no synchronous I/O, so time blocked in the kernel is not hidden work of its own.)
 */
export function trackStalls(): { stop(): Stalls } {
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  const schedstat = schedstatReader()
  let last = performance.now()
  let lastSched = schedstat?.read() ?? { runningMs: 0, waitingMs: 0 }
  let maxGap = 0
  let longestGap: Stalls['longestGap'] = schedstat ? { runningMs: 0, waitingMs: 0 } : null
  let ownMax: number | null = schedstat ? 0 : null
  const tick = () => {
    const now = performance.now()
    const gap = now - last
    const sched = schedstat?.read() ?? lastSched
    const running = sched.runningMs - lastSched.runningMs
    if (gap > maxGap) {
      maxGap = gap
      if (schedstat) longestGap = { runningMs: running, waitingMs: sched.waitingMs - lastSched.waitingMs }
    }
    if (ownMax !== null) ownMax = Math.max(ownMax, Math.min(gap, running))
    last = now
    lastSched = sched
  }
  const interval = setInterval(tick, 1)
  return {
    stop() {
      clearInterval(interval)
      tick()
      histogram.disable()
      schedstat?.close()
      return { histogramMaxMs: histogram.max / 1e6, intervalMaxGapMs: maxGap, longestGap, ownMaxGapMs: ownMax }
    },
  }
}

/** This thread's total time on a CPU and waiting for one, in ms, from /proc/thread-self/schedstat; null off Linux. */
function schedstatReader(): { read(): { runningMs: number; waitingMs: number }; close(): void } | null {
  let fd: number
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r')
  } catch {
    return null
  }
  const buffer = Buffer.alloc(96)
  return {
    read() {
      const length = readSync(fd, buffer, 0, buffer.length, 0)
      const [running, waiting] = buffer.toString('latin1', 0, length).split(' ')
      return { runningMs: Number(running) / 1e6, waitingMs: Number(waiting) / 1e6 }
    },
    close: () => closeSync(fd),
  }
}
