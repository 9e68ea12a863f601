import { describe, expect, it } from 'vitest'
import { captionLimits, type CaptionLine } from '../../../src/shared/domain/caption-line'
import { applyEdit } from '../../../src/shared/domain/edits'
import { EditOpSchema, type EditOp } from '../../../src/shared/domain/edits-schema'
import { ProjectDocumentSchema, type ProjectDocument } from '../../../src/shared/domain/project'
import { doc, multiShotClip } from './fixtures'

const apply = (d: ProjectDocument, ...ops: EditOp[]) => ops.reduce(applyEdit, d)
const line = (id: string, text = `line ${id}`, startSeconds = 0, endSeconds = 1): CaptionLine => ({ id, text, startSeconds, endSeconds })

describe('caption edits', () => {
  it('adds, retimes, rewords and removes lines on one clip, leaving the others untouched', () => {
    const before = doc()
    const added = apply(before, { type: 'addCaption', clipId: 'a', caption: line('c1') }, { type: 'addCaption', clipId: 'a', caption: line('c0'), index: 0 })
    expect(added.clips[0]!.captions?.map((c) => c.id)).toEqual(['c0', 'c1'])
    expect(added.clips[1]).toBe(before.clips[1])

    const edited = apply(added, { type: 'updateCaption', clipId: 'a', captionId: 'c1', patch: { text: 'Hello', startSeconds: 1.5, endSeconds: 3.25, speaker: 'MARA' } })
    expect(edited.clips[0]!.captions![1]).toEqual({ id: 'c1', text: 'Hello', startSeconds: 1.5, endSeconds: 3.25, speaker: 'MARA' })
    expect(apply(edited, { type: 'updateCaption', clipId: 'a', captionId: 'c1', patch: { speaker: '' } }).clips[0]!.captions![1]!.speaker).toBeUndefined()

    const emptied = apply(edited, { type: 'removeCaption', clipId: 'a', captionId: 'c0' }, { type: 'removeCaption', clipId: 'a', captionId: 'c1' })
    // No empty list is left in the file once the last line goes.
    expect('captions' in emptied.clips[0]!).toBe(false)
    expect(ProjectDocumentSchema.safeParse(edited).success).toBe(true)
  })

  it('replaces all lines at once, and changes nothing for a repeat or an unknown line', () => {
    const set = apply(doc(), { type: 'setCaptions', clipId: 'b', captions: [line('x'), line('y')] })
    expect(set.clips[1]!.captions?.map((c) => c.id)).toEqual(['x', 'y'])
    expect(apply(set, { type: 'addCaption', clipId: 'b', caption: line('x', 'again') })).toBe(set)
    expect(apply(set, { type: 'updateCaption', clipId: 'b', captionId: 'nope', patch: { text: 'z' } })).toBe(set)
    expect(apply(set, { type: 'updateCaption', clipId: 'b', captionId: 'x', patch: { text: 'line x' } })).toBe(set)
  })

  it('refuses lines over the limits at the edit boundary and in a project file', () => {
    const caption = { ...line('c1'), text: 'x'.repeat(captionLimits.textChars + 1) }
    expect(EditOpSchema.safeParse({ type: 'addCaption', clipId: 'a', caption }).success).toBe(false)
    expect(EditOpSchema.safeParse({ type: 'updateCaption', clipId: 'a', captionId: 'c1', patch: { endSeconds: 61 } }).success).toBe(false)
    const tooMany = Array.from({ length: captionLimits.linesPerClip + 1 }, (_, i) => line(`c${i}`))
    const hostile = doc({ clips: [{ ...doc().clips[0]!, captions: tooMany }] })
    expect(ProjectDocumentSchema.safeParse(hostile).success).toBe(false)
    // The renderer's own adds stop at the limit too.
    const full = apply(doc(), { type: 'setCaptions', clipId: 'a', captions: tooMany.slice(0, -1) })
    expect(apply(full, { type: 'addCaption', clipId: 'a', caption: line('one-more') })).toBe(full)
  })
})

describe('caption lines in a clip made of shots', () => {
  // Shots of 3, 4 and 3 s: a line in shot 2 (3.5–5 s) and one in shot 3 (8–9 s).
  const shotted = () => doc({ clips: [multiShotClip('m', [3, 4, 3], { captions: [line('in2', 'shot two', 3.5, 5), line('in3', 'shot three', 8, 9)] })] })
  const times = (d: ProjectDocument) => d.clips[0]!.captions!.map((c) => [c.id, c.startSeconds, c.endSeconds])

  it('move with their shot when a shot before it grows or shrinks', () => {
    const longer = apply(shotted(), { type: 'updateShot', clipId: 'm', shotId: 'ms1', patch: { duration: 5 } })
    expect(times(longer)).toEqual([['in2', 5.5, 7], ['in3', 10, 11]])
    const boundary = apply(shotted(), { type: 'moveShotBoundary', clipId: 'm', shotId: 'ms2', delta: -1 })
    expect(times(boundary)).toEqual([['in2', 3.5, 5], ['in3', 7, 8]])
  })

  it('move with their shot when the shots are reordered, and stay put when their shot is removed', () => {
    const reordered = apply(shotted(), { type: 'moveShot', clipId: 'm', shotId: 'ms3', toIndex: 0 })
    // Shot 3 (3 s) now plays first, then 1 (3 s), then 2: each line keeps its place within its shot.
    expect(times(reordered)).toEqual([['in2', 6.5, 8], ['in3', 1, 2]])
    const removed = apply(shotted(), { type: 'removeShot', clipId: 'm', shotId: 'ms2' })
    expect(times(removed)).toEqual([['in2', 3.5, 5], ['in3', 4, 5]])
  })

  it('keep their times in a clip without timed shots, and when a line itself is retimed', () => {
    const single = doc({ clips: [{ ...doc().clips[0]!, duration: 10, captions: [line('x', 'x', 4, 5)] }] })
    expect(apply(single, { type: 'updateClip', clipId: 'a', patch: { duration: 6 } }).clips[0]!.captions![0]).toMatchObject({ startSeconds: 4, endSeconds: 5 })
    const retimed = apply(shotted(), { type: 'updateCaption', clipId: 'm', captionId: 'in2', patch: { startSeconds: 7.5, endSeconds: 8 } })
    expect(times(retimed)).toEqual([['in2', 7.5, 8], ['in3', 8, 9]])
  })
})
