import { monitorEventLoopDelay } from 'node:perf_hooks'

/**
 * Two views of the longest event-loop stall while some work runs: Node's event-loop delay histogram and a
 * 1 ms interval that records the largest gap between its own ticks (the time a click or an IPC reply waits).
 */
export function trackStalls(): { stop(): { histogramMaxMs: number; intervalMaxGapMs: number } } {
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  let last = performance.now()
  let maxGap = 0
  const interval = setInterval(() => {
    const now = performance.now()
    maxGap = Math.max(maxGap, now - last)
    last = now
  }, 1)
  return {
    stop() {
      clearInterval(interval)
      maxGap = Math.max(maxGap, performance.now() - last)
      histogram.disable()
      return { histogramMaxMs: histogram.max / 1e6, intervalMaxGapMs: maxGap }
    },
  }
}
