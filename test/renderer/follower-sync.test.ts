import { describe, expect, it } from 'vitest'
import { followerAction, type FollowerReading } from '../../src/renderer/src/features/compare/follower-sync'

const FRAME = 1 / 24
const reading = (leaderTime: number, followerTime: number, extra: Partial<FollowerReading> = {}): FollowerReading => ({
  leaderTime,
  followerTime,
  followerBusy: false,
  leaderStalled: false,
  seekCost: 0,
  followerDuration: 10,
  ...extra,
})

/**
 * Plays a leader and one follower for `seconds` at 60 animation frames a second, the follower corrected by
 * followerAction each frame. A seek freezes the follower's picture for `seekCost.real` seconds (a decoder working
 * forward from the take's only key frame), as Chromium does, while the leader plays on; `seekCost.known` is what
 * earlier seeks taught before the first one here.
 */
function simulate(start: { leader: number; follower: number }, seekCost: { real: number; known: number }, seconds: number) {
  const dt = 1 / 60
  let { leader, follower } = start
  let rate = 1
  let seekLeft = 0
  let learnedCost = seekCost.known
  let seeks = 0
  let maxLateDrift = 0
  for (let t = 0; t < seconds; t += dt) {
    const action = followerAction(reading(leader, follower, { followerBusy: seekLeft > 0, seekCost: learnedCost }))
    if (action.kind === 'rate') rate = action.rate
    if (action.kind === 'seek') {
      follower = action.to
      seekLeft = seekCost.real
      learnedCost = seekCost.real
      seeks += 1
    }
    leader += dt
    if (seekLeft > 0) seekLeft -= dt
    else follower += dt * rate
    if (t > seconds - 1) maxLateDrift = Math.max(maxLateDrift, Math.abs(follower - leader))
  }
  return { seeks, maxLateDrift, rate }
}

describe('keeping a compared take on the leader’s picture', () => {
  it('plays at normal speed while the two are within a quarter of a frame', () => {
    expect(followerAction(reading(2, 2))).toEqual({ kind: 'rate', rate: 1 })
    expect(followerAction(reading(2, 2 + FRAME / 5))).toEqual({ kind: 'rate', rate: 1 })
  })

  it('speeds up a follower that is behind and slows one that is ahead, more for more drift, never past 10 %', () => {
    const oneBehind = followerAction(reading(2, 2 - FRAME))
    const twoBehind = followerAction(reading(2, 2 - 2 * FRAME))
    const twoAhead = followerAction(reading(2, 2 + 2 * FRAME))
    expect(oneBehind).toEqual({ kind: 'rate', rate: 1.04 })
    expect(twoBehind).toEqual({ kind: 'rate', rate: 1.08 })
    expect(twoAhead).toEqual({ kind: 'rate', rate: 0.92 })
    expect(followerAction(reading(2, 1.6))).toEqual({ kind: 'rate', rate: 1.1 })
    expect(followerAction(reading(2, 2.4))).toEqual({ kind: 'rate', rate: 0.9 })
  })

  it('seeks only when more than half a second apart, aiming where the leader will be once the seek has landed', () => {
    expect(followerAction(reading(3, 2.55)).kind).toBe('rate')
    expect(followerAction(reading(3, 2.4, { seekCost: 0.25 }))).toEqual({ kind: 'seek', to: 3.25 })
    expect(followerAction(reading(3, 3.8))).toEqual({ kind: 'seek', to: 3 })
    // Never past the follower's own end.
    expect(followerAction(reading(4.9, 3, { seekCost: 0.3, followerDuration: 5 }))).toEqual({ kind: 'seek', to: 5 })
  })

  it('leaves a follower alone while its seek is under way, after it ended, or while the leader stalls', () => {
    expect(followerAction(reading(3, 1, { followerBusy: true }))).toEqual({ kind: 'wait' })
    expect(followerAction(reading(3, 1, { leaderStalled: true }))).toEqual({ kind: 'wait' })
  })

  it('brings a follower three frames behind into step by its rate alone, without a seek', () => {
    const run = simulate({ leader: 1, follower: 1 - 3 * FRAME }, { real: 0.4, known: 0 }, 4)
    expect(run.seeks).toBe(0)
    expect(run.maxLateDrift).toBeLessThan(FRAME / 2)
  })

  it('brings a follower two seconds behind back with one seek when each seek stalls it for 0.4 s', () => {
    // The cost of a seek is known from an earlier one: the seek lands on the leader's picture.
    const learned = simulate({ leader: 2, follower: 0 }, { real: 0.4, known: 0.4 }, 2)
    expect(learned.seeks).toBe(1)
    expect(learned.maxLateDrift).toBeLessThan(FRAME / 2)
    // The first seek of all lands 0.4 s behind; the rate makes that up instead of seeking again.
    const first = simulate({ leader: 2, follower: 0 }, { real: 0.4, known: 0 }, 7)
    expect(first.seeks).toBe(1)
    expect(first.maxLateDrift).toBeLessThan(FRAME / 2)
  })
})
