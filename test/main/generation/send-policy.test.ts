import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../src/main/services/generation'
import { createSendPolicy } from '../../../src/main/services/generation/send-policy'

/** Timers fire only when the test moves time on. */
function stepClock() {
  let now = 0
  const timers = new Map<number, { at: number; fire: () => void }>()
  let nextId = 0
  const clock: Clock = {
    now: () => now,
    setTimeout: (fire, ms) => (timers.set(++nextId, { at: now + ms, fire }), nextId),
    clearTimeout: (handle) => void timers.delete(handle as number),
  }
  const advance = (ms: number): void => {
    now += ms
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now || !timers.has(id)) continue
      timers.delete(id)
      timer.fire()
    }
  }
  return { clock, advance }
}

const timing = { rateLimitRetryDelaysMs: [1_000, 4_000], maxRetryAfterMs: 60_000, rateLimitRecoveryMs: 30_000, reconnectDelaysMs: [5_000, 20_000] }

describe('when the queue may send', () => {
  it('halves the concurrency on each 429, down to one, and steps it back up one per quiet spell', () => {
    const { clock, advance } = stepClock()
    const policy = createSendPolicy(clock, timing, undefined)
    policy.rateLimited(0, 8)
    expect(policy.effective(8)).toBe(4)
    policy.rateLimited(0, 8)
    policy.rateLimited(0, 8)
    policy.rateLimited(0, 8)
    expect(policy.effective(8)).toBe(1)
    advance(30_000)
    expect(policy.effective(8)).toBe(2)
    for (const expected of [3, 4, 5, 6, 7, 8, 8]) {
      advance(30_000)
      expect(policy.effective(8)).toBe(expected)
    }
  })

  it('closes for a Retry-After, or a wait that grows with each 429 in a row, and opens again after it', () => {
    const { clock, advance } = stepClock()
    const policy = createSendPolicy(clock, timing, undefined)
    policy.rateLimited(2_500, 4)
    expect(policy.open()).toBe(false)
    expect(policy.rateLimitedUntil()).toBe(2_500)
    advance(2_500)
    expect(policy.open()).toBe(true)
    policy.rateLimited(undefined, 4)
    expect(policy.rateLimitedUntil()).toBe(2_500 + 4_000)
  })

  it('waits longer each time MuleRouter stays unreachable, and opens at once when the connection is back', () => {
    const { clock, advance } = stepClock()
    const policy = createSendPolicy(clock, timing, undefined)
    policy.unreachable()
    expect(policy.waitingForConnection()).toBe(true)
    advance(5_000)
    expect(policy.open()).toBe(true)
    policy.unreachable()
    advance(5_000)
    expect(policy.open()).toBe(false)
    policy.reachable()
    expect(policy.open()).toBe(true)
    expect(policy.waitingForConnection()).toBe(false)
  })
})
