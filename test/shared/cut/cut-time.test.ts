import { describe, expect, it } from 'vitest'
import { planCut, type TakeMedia } from '../../../src/shared/cut/cut-plan'
import { clipBoundary, entryIndexAt, formatFilmTime, shotAt, stepFrames } from '../../../src/shared/cut/cut-time'
import { completedTake } from '../../main/media/film-fixtures'
import { clip, multiShotClip } from '../domain/fixtures'

const media: TakeMedia = { fileName: 't.mp4', width: 320, height: 180, frameRate: { num: 24, den: 1 }, frames: 48, durationSeconds: 2, hasAudio: true, audioChannels: 2, audioRate: 48000, videoCodec: 'avc1.64000c' }
// A 2 s take, then a 3 s animatic in two shots (1 s + 2 s), then a 5 s animatic: 10 s in all.
const plan = planCut(
  { clips: [clip('a', { chosenTakeId: 't' }), multiShotClip('b', [1, 2]), clip('c', { duration: 5 })], takes: [completedTake('t', 'a', 't.mp4')] },
  new Map([['t', media]]),
)

describe('cut time', () => {
  it('finds the clip and the shot playing at any moment of the film, the last clip at the very end', () => {
    expect([0, 1.99, 2, 4.9, 5, 10].map((t) => entryIndexAt(plan, t))).toEqual([0, 0, 1, 1, 2, 2])
    const animatic = plan.entries[1]!
    expect([0, 0.99, 1, 2.5].map((t) => shotAt(animatic, t)?.index)).toEqual([0, 0, 1, 1])
  })

  it('steps by whole frames and never leaves the film', () => {
    expect(stepFrames(plan, 1, 1)).toBeCloseTo(1 + 1 / 24, 9)
    expect(stepFrames(plan, 0, -1)).toBe(0)
    expect(stepFrames(plan, 10, 3)).toBe(10)
  })

  it('jumps to the next clip, and back to the start of this clip before the previous one', () => {
    expect(clipBoundary(plan, 0.5, 1)).toBe(2)
    expect(clipBoundary(plan, 3.5, -1)).toBe(2)
    expect(clipBoundary(plan, 2.2, -1)).toBe(0)
    expect(clipBoundary(plan, 7, 1)).toBe(10)
  })

  it('shows the playhead as minutes, seconds and tenths', () => {
    expect([0, 9.96, 61.25, 600].map(formatFilmTime)).toEqual(['0:00.0', '0:09.9', '1:01.2', '10:00.0'])
  })
})
