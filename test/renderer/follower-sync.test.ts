import { describe, expect, it } from 'vitest'
import { frameAt, followerAction, middleOfFrame, pauseTarget, type FollowerReading } from '../../src/renderer/src/features/takes/compare/follower-sync'

const FRAME = 1 / 24
const reading = (leaderTime: number, followerTime: number, extra: Partial<FollowerReading> = {}): FollowerReading => ({
  leaderTime,
  followerTime,
  followerBusy: false,
  leaderSeeking: false,
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

  it('speeds up a follower that is behind and slows one that is ahead, more for more drift, within 10 % up to 3 frames', () => {
    expect(followerAction(reading(2, 2 - FRAME / 2))).toEqual({ kind: 'rate', rate: 1.04 })
    expect(followerAction(reading(2, 2 - FRAME))).toEqual({ kind: 'rate', rate: 1.08 })
    expect(followerAction(reading(2, 2 + FRAME))).toEqual({ kind: 'rate', rate: 0.92 })
    expect(followerAction(reading(2, 2 - 2 * FRAME))).toEqual({ kind: 'rate', rate: 1.1 })
    expect(followerAction(reading(2, 2 + 3 * FRAME))).toEqual({ kind: 'rate', rate: 0.9 })
  })

  it('catches up faster, never past 25 %, once a stalled follower is more than 3 frames off', () => {
    expect(followerAction(reading(2, 2 - 4 * FRAME))).toEqual({ kind: 'rate', rate: 1.25 })
    expect(followerAction(reading(2, 1.6))).toEqual({ kind: 'rate', rate: 1.25 })
    expect(followerAction(reading(2, 2.4))).toEqual({ kind: 'rate', rate: 0.75 })
  })

  it('seeks only when more than half a second apart, aiming where the leader will be once the seek has landed', () => {
    expect(followerAction(reading(3, 2.55)).kind).toBe('rate')
    expect(followerAction(reading(3, 2.4, { seekCost: 0.25 }))).toEqual({ kind: 'seek', to: 3.25 })
    expect(followerAction(reading(3, 3.8))).toEqual({ kind: 'seek', to: 3 })
    // Never past the follower's own end.
    expect(followerAction(reading(4.9, 3, { seekCost: 0.3, followerDuration: 5 }))).toEqual({ kind: 'seek', to: 5 })
  })

  it('leaves a follower alone while its seek is under way, after it ended, or while the leader seeks', () => {
    expect(followerAction(reading(3, 1, { followerBusy: true }))).toEqual({ kind: 'wait' })
    expect(followerAction(reading(3, 1, { leaderSeeking: true }))).toEqual({ kind: 'wait' })
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

  it('lines paused takes up on the middle of the frame shown, whether given its start time or a time inside it', () => {
    expect(middleOfFrame(20 / 24)).toBeCloseTo(20.5 / 24, 9)
    // 20/24 computed another way lands a hair below the exact value; it is still frame 20.
    expect(middleOfFrame(0.8333333)).toBeCloseTo(20.5 / 24, 9)
    expect(middleOfFrame(0.85)).toBeCloseTo(20.5 / 24, 9)
    expect(middleOfFrame(0)).toBeCloseTo(0.5 / 24, 9)
    // The transport names the frame the same way: the middle of frame 20 is frame 20, not 21.
    expect(frameAt(20.5 / 24)).toBe(20)
    expect(frameAt(0.8333333)).toBe(20)
    expect(frameAt(0.8)).toBe(19)
  })

  it('pauses on the frame the leader was seen showing, unless that sighting is from before a seek', () => {
    // Chromium shows frame 20 while the clock says 0.83 s (frame 19): the takes line up on 20.
    expect(pauseTarget(0.83, 20 / 24)).toBeCloseTo(20.5 / 24, 9)
    // The last frame seen was at 1 s, but the clock has since been sent to 4 s.
    expect(pauseTarget(4, 1)).toBeCloseTo(96.5 / 24, 9)
    expect(pauseTarget(0.83, null)).toBeCloseTo(19.5 / 24, 9)
  })
})
