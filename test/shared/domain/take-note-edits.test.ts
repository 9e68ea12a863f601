import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/shared/domain/edits'
import type { EditOp } from '../../../src/shared/domain/edits-schema'
import { ProjectDocumentSchema, type ProjectDocument } from '../../../src/shared/domain/project'
import { doc } from './fixtures'

const apply = (d: ProjectDocument, ...ops: EditOp[]) => ops.reduce(applyEdit, d)
const note = (takeId: string, patch: Extract<EditOp, { type: 'setTakeNote' }>['patch']): EditOp => ({ type: 'setTakeNote', clipId: 'a', takeId, patch })

describe('judging takes', () => {
  it('rates, notes and rejects a take on its clip, merging each change', () => {
    const before = doc()
    const after = apply(before, note('t1', { rating: 4 }), note('t1', { note: 'Hands look wrong' }), note('t2', { rejected: true }))
    expect(after.clips[0]!.takeNotes).toEqual({
      t1: { rating: 4, note: 'Hands look wrong', rejected: false },
      t2: { rating: null, note: '', rejected: true },
    })
    expect(after.clips[1]).toBe(before.clips[1])
    expect(ProjectDocumentSchema.safeParse(after).success).toBe(true)
  })

  it('drops a note cleared back to nothing, and changes nothing for a repeat', () => {
    const rated = apply(doc(), note('t1', { rating: 3 }))
    expect(apply(rated, note('t1', { rating: 3 }))).toBe(rated)
    expect(apply(rated, note('t1', { rating: null })).clips[0]!.takeNotes).toBeUndefined()
  })

  it('refuses a rating outside 1–5', () => {
    expect(ProjectDocumentSchema.shape.clips.element.shape.takeNotes.safeParse({ t1: { rating: 6, note: '', rejected: false } }).success).toBe(false)
  })
})
