import { describe, expect, it } from 'vitest'
import { planCut, type TakeMedia } from '../../../src/shared/cut/cut-plan'
import { followFilmClock, nextStartLead, stepFilmClock } from '../../../src/shared/cut/film-clock'
import { completedTake } from '../../main/media/film-fixtures'
import { clip } from '../domain/fixtures'

const media = (fileName: string, fps: number, frames: number): TakeMedia => ({
  fileName, width: 640, height: 360, frameRate: { num: fps, den: 1 }, frames, durationSeconds: frames / fps, hasAudio: true, audioChannels: 2, audioRate: 48000, videoCodec: 'avc1.64001e',
})
// 2.5 s at 24 fps, a 3 s animatic card, 1.5 s at 30 fps: 7 s in all.
const plan = planCut(
  { clips: [clip('a', { chosenTakeId: 'ta' }), clip('b', { duration: 3 }), clip('c', { chosenTakeId: 'tc' })], takes: [completedTake('ta', 'a', 'a.mp4'), completedTake('tc', 'c', 'c.mp4')] },
  new Map([['ta', media('a.mp4', 24, 60)], ['tc', media('c.mp4', 30, 45)]]),
)

/** Runs the clock over uneven display frames (a busy machine: 10 ms, 16.7 ms and a 60 ms stall) until the film ends. */
function playThrough(): { ticks: number; elapsed: number; firstTickOf: number[]; ended: boolean } {
  const steps = [0.01, 1 / 60, 0.06, 1 / 60, 1 / 60]
  let time = 0
  let elapsed = 0
  let ticks = 0
  const firstTickOf: number[] = []
  for (;;) {
    const dt = steps[ticks % steps.length]!
    const step = stepFilmClock(plan, time, dt)
    ticks++
    elapsed += dt
    if (firstTickOf[step.index] === undefined) firstTickOf[step.index] = elapsed
    time = step.time
    if (step.ended) return { ticks, elapsed, firstTickOf, ended: step.ended }
  }
}

describe('the film clock', () => {
  it('lasts the sum of the clips whatever the frame timing, and enters each clip in the frame that reaches its start', () => {
    const run = playThrough()
    expect(plan.durationSeconds).toBeCloseTo(7, 9)
    expect(run.ended).toBe(true)
    // It ends in the display frame that reaches 7 s: never more than one (the longest) frame late.
    expect(run.elapsed).toBeGreaterThanOrEqual(7 - 1e-9)
    expect(run.elapsed - 7).toBeLessThan(0.06)
    plan.entries.forEach((entry, index) => {
      expect(run.firstTickOf[index]! - entry.startSeconds).toBeGreaterThanOrEqual(-1e-9)
      expect(run.firstTickOf[index]! - entry.startSeconds).toBeLessThan(0.06)
    })
  })

  it('stops at the end of the film instead of running past it', () => {
    expect(stepFilmClock(plan, 6.99, 0.5)).toEqual({ time: 7, index: 2, ended: true })
    expect(stepFilmClock(plan, 2.49, 0.02)).toMatchObject({ index: 1, ended: false })
    expect(stepFilmClock(plan, 1, -0.5).time).toBe(1)
  })
})

describe('a take following the clock', () => {
  it('plays a late-starting take a little faster until it has caught up, and leaves an on-time one alone', () => {
    expect(followFilmClock(1, 1)).toEqual({ kind: 'rate', rate: 1 })
    const behind = followFilmClock(1, 1 - 2 / 24)
    expect(behind.kind).toBe('rate')
    expect(behind.kind === 'rate' && behind.rate).toBeGreaterThan(1)
    expect(behind.kind === 'rate' && behind.rate).toBeLessThanOrEqual(1.04)
    const ahead = followFilmClock(1, 1.03)
    expect(ahead.kind === 'rate' && ahead.rate).toBeLessThan(1)

    // Closed loop at 60 frames a second: a take whose clock started 60 ms after its cut is on time within a second and a half.
    let video = -0.06
    let rate = 1
    for (let frame = 1; frame <= 90; frame++) {
      video += rate / 60
      const action = followFilmClock(frame / 60, Math.max(0, video))
      rate = action.kind === 'rate' ? action.rate : 1
    }
    expect(Math.abs(90 / 60 - video)).toBeLessThan(1 / 48)
  })

  it('waits for a stalled picture and seeks a take that ran ahead of the playhead', () => {
    expect(followFilmClock(2, 1.5)).toEqual({ kind: 'hold' })
    expect(followFilmClock(1, 1.6)).toEqual({ kind: 'seek', toSeconds: 1 })
  })

  it('starts the next take ahead of its cut by most of the start-up the takes before it took, within bounds', () => {
    expect(nextStartLead(0, 0.04)).toBeCloseTo(0.03, 9)
    expect(nextStartLead(0, 0.3)).toBeCloseTo(0.1125, 9)
    expect(nextStartLead(0, -0.01)).toBe(0)
    // Seconds between play() and a new frame are a pause or a stalled read, not a start-up: the lead stays.
    expect(nextStartLead(0.03, 2)).toBe(0.03)
    // Later measurements move it gradually, so one slow start does not throw the next cut off.
    const lead = nextStartLead(0.03, 0.1)
    expect(lead).toBeGreaterThan(0.03)
    expect(lead).toBeLessThan(0.075)
  })
})
