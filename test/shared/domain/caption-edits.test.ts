import { describe, expect, it } from 'vitest'
import { captionLimits, type CaptionLine } from '../../../src/shared/domain/caption-line'
import { applyEdit } from '../../../src/shared/domain/edits'
import { EditOpSchema, type EditOp } from '../../../src/shared/domain/edits-schema'
import { ProjectDocumentSchema, type ProjectDocument } from '../../../src/shared/domain/project'
import { doc } from './fixtures'

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
