import { describe, expect, it } from 'vitest'
import { applyEdit, createShot } from '../../../src/shared/domain/edits'
import type { EditOp } from '../../../src/shared/domain/edits-schema'
import type { ProjectDocument } from '../../../src/shared/domain/project'
import { clip, doc, multiShotClip } from './fixtures'

const apply = (d: ProjectDocument, ...ops: EditOp[]) => ops.reduce(applyEdit, d)
const withClip = (durations: number[]) => doc({ clips: [multiShotClip('a', durations), clip('b')] })
const shotsOf = (d: ProjectDocument) => d.clips[0]!.shots
const durationsOf = (d: ProjectDocument) => shotsOf(d).map((s) => s.duration)

describe('applyEdit — shots of a customize multi-shot clip', () => {
  it('adds a shot at a clamped index and lengthens the clip by its duration', () => {
    const after = applyEdit(withClip([3, 3]), { type: 'addShot', clipId: 'a', shot: createShot('n', 'new', 2), index: 0 })
    expect(shotsOf(after).map((s) => s.id)).toEqual(['n', 'as1', 'as2'])
    expect(after.clips[0]!.duration).toBe(8)
    const atEnd = applyEdit(withClip([3, 3]), { type: 'addShot', clipId: 'a', shot: createShot('n'), index: 40 })
    expect(shotsOf(atEnd).at(-1)!.id).toBe('n')
  })

  it('shortens a new shot so the clip stays within 15 s', () => {
    const after = applyEdit(withClip([5, 5]), { type: 'addShot', clipId: 'a', shot: createShot('n', '', 9) })
    expect(durationsOf(after)).toEqual([5, 5, 5])
    expect(after.clips[0]!.duration).toBe(15)
  })

  it('takes a second from the longest shot when a full 15 s clip gets another shot', () => {
    const after = applyEdit(withClip([10, 5]), { type: 'addShot', clipId: 'a', shot: createShot('n', '', 3) })
    expect(durationsOf(after)).toEqual([9, 5, 1])
    expect(after.clips[0]!.duration).toBe(15)
  })

  it('ignores a shot whose id the clip already has', () => {
    const before = withClip([3, 3])
    expect(applyEdit(before, { type: 'addShot', clipId: 'a', shot: createShot('as1') })).toBe(before)
  })

  it('updates a shot prompt without touching durations or the other clip', () => {
    const before = withClip([3, 3])
    const after = applyEdit(before, { type: 'updateShot', clipId: 'a', shotId: 'as2', patch: { prompt: 'rain' } })
    expect(shotsOf(after)[1]!.prompt).toBe('rain')
    expect(shotsOf(after)[0]).toBe(shotsOf(before)[0])
    expect(after.clips[1]).toBe(before.clips[1])
  })

  it('makes the clip as long as its shots when a shot duration changes', () => {
    const after = applyEdit(withClip([3, 3]), { type: 'updateShot', clipId: 'a', shotId: 'as1', patch: { duration: 7 } })
    expect(durationsOf(after)).toEqual([7, 3])
    expect(after.clips[0]!.duration).toBe(10)
  })

  it('caps a shot duration so the clip stays within 15 s', () => {
    const after = applyEdit(withClip([3, 3]), { type: 'updateShot', clipId: 'a', shotId: 'as1', patch: { duration: 30 } })
    expect(durationsOf(after)).toEqual([12, 3])
    expect(after.clips[0]!.duration).toBe(15)
  })

  it('never lets a shot go below 1 s, and keeps the clip at least 3 s', () => {
    const zero = applyEdit(withClip([3, 3]), { type: 'updateShot', clipId: 'a', shotId: 'as1', patch: { duration: 0 } })
    expect(durationsOf(zero)).toEqual([1, 3])
    const single = applyEdit(withClip([4]), { type: 'updateShot', clipId: 'a', shotId: 'as1', patch: { duration: 1 } })
    expect(durationsOf(single)).toEqual([3])
    expect(single.clips[0]!.duration).toBe(3)
  })

  it('shortens the clip when a shot is removed, and grows the neighbour if it would fall under 3 s', () => {
    const after = applyEdit(withClip([3, 3, 4]), { type: 'removeShot', clipId: 'a', shotId: 'as2' })
    expect(shotsOf(after).map((s) => s.id)).toEqual(['as1', 'as3'])
    expect(after.clips[0]!.duration).toBe(7)
    const short = applyEdit(withClip([1, 1]), { type: 'removeShot', clipId: 'a', shotId: 'as2' })
    expect(durationsOf(short)).toEqual([3])
    expect(short.clips[0]!.duration).toBe(3)
  })

  it('keeps the clip duration when its last shot is removed', () => {
    const after = applyEdit(withClip([5]), { type: 'removeShot', clipId: 'a', shotId: 'as1' })
    expect(shotsOf(after)).toEqual([])
    expect(after.clips[0]!.duration).toBe(5)
  })

  it('reorders shots with a clamped index', () => {
    const after = applyEdit(withClip([1, 2, 3]), { type: 'moveShot', clipId: 'a', shotId: 'as1', toIndex: 10 })
    expect(shotsOf(after).map((s) => s.id)).toEqual(['as2', 'as3', 'as1'])
    expect(after.clips[0]!.duration).toBe(6)
  })

  it('moves a shot boundary: the neighbours trade time and the clip total stays', () => {
    const before = withClip([3, 3, 4])
    const after = applyEdit(before, { type: 'moveShotBoundary', clipId: 'a', shotId: 'as1', delta: 2 })
    expect(durationsOf(after)).toEqual([5, 1, 4])
    expect(after.clips[0]!.duration).toBe(10)
    expect(shotsOf(after)[2]).toBe(shotsOf(before)[2])
  })

  it('stops a boundary drag where a neighbour would drop below 1 s', () => {
    const right = applyEdit(withClip([3, 3]), { type: 'moveShotBoundary', clipId: 'a', shotId: 'as1', delta: 9 })
    expect(durationsOf(right)).toEqual([5, 1])
    const left = applyEdit(withClip([3, 3]), { type: 'moveShotBoundary', clipId: 'a', shotId: 'as1', delta: -9 })
    expect(durationsOf(left)).toEqual([1, 5])
  })

  it('ignores a boundary move after the last shot or one that cannot move', () => {
    const before = withClip([1, 1, 1])
    expect(apply(before, { type: 'moveShotBoundary', clipId: 'a', shotId: 'as3', delta: 1 })).toBe(before)
    expect(apply(before, { type: 'moveShotBoundary', clipId: 'a', shotId: 'as1', delta: 1 })).toBe(before)
  })

  it('edits shots of a single-prompt clip without changing its duration', () => {
    const before = doc({ clips: [clip('a', { duration: 5 })] })
    const after = applyEdit(before, { type: 'addShot', clipId: 'a', shot: createShot('n', '', 9) })
    expect(after.clips[0]!.duration).toBe(5)
    expect(durationsOf(after)).toEqual([9])
  })
})
