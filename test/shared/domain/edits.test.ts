import { describe, expect, it } from 'vitest'
import { applyEdit, createShot, totalDuration } from '../../../src/shared/domain/edits'
import type { EditOp } from '../../../src/shared/domain/edits-schema'
import type { ProjectDocument } from '../../../src/shared/domain/project'
import { clip, doc, multiShotClip } from './fixtures'

const apply = (d: ProjectDocument, ...ops: EditOp[]) => ops.reduce(applyEdit, d)
const clipOf = (d: ProjectDocument, id: string) => d.clips.find((c) => c.id === id)!
const durations = (d: ProjectDocument, id: string) => clipOf(d, id).shots.map((s) => s.duration)

describe('applyEdit — project and clips', () => {
  it('renames the project and merges defaults without touching clips', () => {
    const before = doc()
    const after = apply(before, { type: 'renameProject', name: 'Night' }, { type: 'setDefaults', defaults: { mode: 'std' } })
    expect(after.name).toBe('Night')
    expect(after.defaults).toEqual({ ...before.defaults, mode: 'std' })
    expect(after.clips).toBe(before.clips)
    expect(before.name).toBe('Test film')
  })

  it('adds a clip at a clamped index and ignores a duplicate id', () => {
    const before = doc()
    expect(apply(before, { type: 'addClip', clip: clip('c'), index: 0 }).clips.map((c) => c.id)).toEqual(['c', 'a', 'b'])
    expect(apply(before, { type: 'addClip', clip: clip('c'), index: 99 }).clips.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(apply(before, { type: 'addClip', clip: clip('c') }).clips.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(apply(before, { type: 'addClip', clip: clip('a') })).toBe(before)
  })

  it('removes and moves clips, clamping the target index', () => {
    const before = doc({ clips: [clip('a'), clip('b'), clip('c')] })
    expect(apply(before, { type: 'removeClip', clipId: 'b' }).clips.map((c) => c.id)).toEqual(['a', 'c'])
    expect(apply(before, { type: 'moveClip', clipId: 'a', toIndex: 99 }).clips.map((c) => c.id)).toEqual(['b', 'c', 'a'])
    expect(apply(before, { type: 'moveClip', clipId: 'c', toIndex: 0 }).clips.map((c) => c.id)).toEqual(['c', 'a', 'b'])
    expect(apply(before, { type: 'moveClip', clipId: 'b', toIndex: 1 })).toBe(before)
  })

  it('returns the same document for every op naming an unknown id', () => {
    const before = doc()
    const ops: EditOp[] = [
      { type: 'updateClip', clipId: 'zz', patch: { prompt: 'x' } },
      { type: 'removeClip', clipId: 'zz' },
      { type: 'moveClip', clipId: 'zz', toIndex: 0 },
      { type: 'addShot', clipId: 'zz', shot: createShot('s') },
      { type: 'updateShot', clipId: 'a', shotId: 'zz', patch: { duration: 2 } },
      { type: 'removeShot', clipId: 'a', shotId: 'zz' },
      { type: 'moveShot', clipId: 'a', shotId: 'zz', toIndex: 0 },
      { type: 'moveShotBoundary', clipId: 'a', shotId: 'zz', delta: 1 },
      { type: 'setFrame', clipId: 'zz', slot: 'first', assetId: null },
      { type: 'updateElement', elementId: 'zz', patch: { name: 'x' } },
      { type: 'removeElement', elementId: 'zz' },
      { type: 'attachElement', clipId: 'a', elementId: 'zz' },
      { type: 'attachElement', clipId: 'zz', elementId: 'e1' },
      { type: 'detachElement', clipId: 'a', elementId: 'e1' },
      { type: 'moveClipElement', clipId: 'a', elementId: 'zz', toIndex: 0 },
      { type: 'chooseTake', clipId: 'zz', takeId: 't' },
    ]
    for (const op of ops) expect(applyEdit(before, op), op.type).toBe(before)
  })

  it('keeps the identity of every clip an edit does not touch', () => {
    const before = doc()
    const after = applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { prompt: 'new' } })
    expect(after.clips[0]!.prompt).toBe('new')
    expect(after.clips[1]).toBe(before.clips[1])
    expect(after.elements).toBe(before.elements)
    expect(after.defaults).toBe(before.defaults)
    expect(before.clips[0]!.prompt).toBe('prompt of a')
  })

  it('returns the same document when a patch changes nothing', () => {
    const before = doc()
    expect(applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { prompt: 'prompt of a' } })).toBe(before)
  })

  it('sets and clears frames and chooses a take', () => {
    const id = 'f'.repeat(64)
    const after = apply(
      doc(),
      { type: 'setFrame', clipId: 'a', slot: 'first', assetId: id },
      { type: 'setFrame', clipId: 'a', slot: 'last', assetId: id },
      { type: 'chooseTake', clipId: 'a', takeId: 't1' },
    )
    expect(clipOf(after, 'a')).toMatchObject({ firstFrameAssetId: id, lastFrameAssetId: id, chosenTakeId: 't1' })
    const cleared = apply(after, { type: 'setFrame', clipId: 'a', slot: 'first', assetId: null }, { type: 'chooseTake', clipId: 'a', takeId: null })
    expect(clipOf(cleared, 'a')).toMatchObject({ firstFrameAssetId: null, lastFrameAssetId: id, chosenTakeId: null })
  })

  it('returns the given document on replaceDocument', () => {
    const replacement = doc({ name: 'Restored' })
    expect(applyEdit(doc(), { type: 'replaceDocument', document: replacement })).toBe(replacement)
  })

  it('adds up the whole storyboard', () => {
    expect(totalDuration(doc({ clips: [clip('a', { duration: 5 }), clip('b', { duration: 12 })] }))).toBe(17)
  })
})

describe('applyEdit — turning multi-shot on', () => {
  it('seeds one shot carrying the clip prompt and its full duration', () => {
    const before = doc({ clips: [clip('a', { prompt: 'a cat', duration: 8 })] })
    const after = applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { multiShot: true } })
    expect(clipOf(after, 'a').shots).toEqual([{ id: 'a-shot1', prompt: 'a cat', duration: 8 }])
    expect(clipOf(after, 'a').duration).toBe(8)
    // The same op gives the same result wherever it runs.
    expect(applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { multiShot: true } })).toEqual(after)
  })

  it('keeps existing shots and makes the clip last as long as they do', () => {
    const before = doc({ clips: [multiShotClip('a', [2, 4], { multiShot: false, duration: 5 })] })
    const after = applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { multiShot: true } })
    expect(durations(after, 'a')).toEqual([2, 4])
    expect(clipOf(after, 'a').duration).toBe(6)
  })

  it('fits the shots when the user types a new clip duration', () => {
    const before = doc({ clips: [multiShotClip('a', [3, 3, 4])] })
    const longer = applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { duration: 12 } })
    expect(durations(longer, 'a')).toEqual([3, 3, 6])
    const shorter = applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { duration: 4 } })
    expect(durations(shorter, 'a')).toEqual([2, 1, 1])
    expect(clipOf(shorter, 'a').duration).toBe(4)
    const tooShort = applyEdit(before, { type: 'updateClip', clipId: 'a', patch: { duration: 2 } })
    expect(durations(tooShort, 'a')).toEqual([1, 1, 1])
    expect(clipOf(tooShort, 'a').duration).toBe(3)
  })

  it('leaves the duration of a single-prompt clip as typed, for validation to judge', () => {
    const after = applyEdit(doc(), { type: 'updateClip', clipId: 'a', patch: { duration: 20 } })
    expect(clipOf(after, 'a').duration).toBe(20)
  })
})
