import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { elementTokenNumbers } from '../../../src/shared/domain/element-tokens'
import { applyEdit, createElement } from '../../../src/shared/domain/edits'
import type { EditOp } from '../../../src/shared/domain/edits-schema'
import type { Clip, ProjectDocument } from '../../../src/shared/domain/project'
import { clip, doc, multiShotClip } from './fixtures'

const apply = (d: ProjectDocument, ...ops: EditOp[]) => ops.reduce(applyEdit, d)
const clipOf = (d: ProjectDocument, id: string) => d.clips.find((c) => c.id === id)!

function withElements(elementIds: string[], prompt: string, overrides: Partial<Clip> = {}): ProjectDocument {
  return doc({ clips: [clip('a', { elementIds, prompt, ...overrides }), clip('b', { elementIds: ['e2'], prompt: '<<<element_1>>>' })] })
}

describe('applyEdit — the element library', () => {
  it('adds, renames and re-images an element; a duplicate id changes nothing', () => {
    const added = applyEdit(doc(), { type: 'addElement', element: createElement('e4', 'Hat') })
    expect(added.elements.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4'])
    expect(applyEdit(added, { type: 'addElement', element: createElement('e4', 'Other') })).toBe(added)
    const asset = 'a'.repeat(64)
    const updated = applyEdit(added, { type: 'updateElement', elementId: 'e4', patch: { name: 'Top hat', frontalAssetId: asset } })
    expect(updated.elements[3]).toEqual({ id: 'e4', name: 'Top hat', frontalAssetId: asset, referenceAssetIds: [] })
    expect(updated.elements[0]).toBe(added.elements[0])
  })

  it('removes an element from the library, every clip and every prompt, renumbering later tokens', () => {
    const before = withElements(['e1', 'e2', 'e3'], 'A <<<element_1>>> and <<<element_2>>> near <<<element_3>>>.', {
      multiShot: true,
      shots: [{ id: 's1', prompt: '<<<element_2>>> runs to <<<element_3>>>', duration: 5 }],
      negativePrompt: 'no <<<element_3>>>',
    })
    const after = applyEdit(before, { type: 'removeElement', elementId: 'e2' })
    expect(after.elements.map((e) => e.id)).toEqual(['e1', 'e3'])
    const a = clipOf(after, 'a')
    expect(a.elementIds).toEqual(['e1', 'e3'])
    expect(a.prompt).toBe('A <<<element_1>>> and near <<<element_2>>>.')
    expect(a.shots[0]!.prompt).toBe('runs to <<<element_2>>>')
    expect(a.negativePrompt).toBe('no <<<element_2>>>')
    expect(clipOf(after, 'b')).toMatchObject({ elementIds: [], prompt: '' })
  })

  it('attaches an element once, and only one that is in the library', () => {
    const before = withElements(['e1'], '')
    const after = applyEdit(before, { type: 'attachElement', clipId: 'a', elementId: 'e3' })
    expect(clipOf(after, 'a').elementIds).toEqual(['e1', 'e3'])
    expect(applyEdit(after, { type: 'attachElement', clipId: 'a', elementId: 'e3' })).toBe(after)
    expect(after.clips[1]).toBe(before.clips[1])
  })

  it('detaches an element from one clip only, deleting its tokens there', () => {
    const before = withElements(['e1', 'e2'], '<<<element_1>>> meets <<<element_2>>>')
    const after = applyEdit(before, { type: 'detachElement', clipId: 'a', elementId: 'e1' })
    expect(clipOf(after, 'a')).toMatchObject({ elementIds: ['e2'], prompt: 'meets <<<element_1>>>' })
    expect(after.clips[1]).toBe(before.clips[1])
    expect(after.elements).toBe(before.elements)
  })

  it('reorders a clip element and rewrites tokens so each still names the same element', () => {
    const before = withElements(['e1', 'e2', 'e3'], '<<<element_1>>>, <<<element_2>>>, <<<element_3>>>')
    const after = applyEdit(before, { type: 'moveClipElement', clipId: 'a', elementId: 'e3', toIndex: 0 })
    expect(clipOf(after, 'a')).toMatchObject({ elementIds: ['e3', 'e1', 'e2'], prompt: '<<<element_2>>>, <<<element_3>>>, <<<element_1>>>' })
    expect(apply(before, { type: 'moveClipElement', clipId: 'a', elementId: 'e1', toIndex: 0 })).toBe(before)
    const clamped = applyEdit(before, { type: 'moveClipElement', clipId: 'a', elementId: 'e1', toIndex: 50 })
    expect(clipOf(clamped, 'a').elementIds).toEqual(['e2', 'e3', 'e1'])
  })

  it('leaves a token that already pointed past the element list for validation to report', () => {
    const before = withElements(['e1', 'e2'], '<<<element_1>>> <<<element_9>>>')
    const after = applyEdit(before, { type: 'moveClipElement', clipId: 'a', elementId: 'e2', toIndex: 0 })
    expect(clipOf(after, 'a').prompt).toBe('<<<element_2>>> <<<element_9>>>')
  })

  it('keeps every token naming the same element through any sequence of reorders and detaches', () => {
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5']
    const opArb = fc.oneof(
      fc.record({ type: fc.constant('moveClipElement' as const), elementId: fc.constantFrom(...ids), toIndex: fc.nat(6) }),
      fc.record({ type: fc.constant('detachElement' as const), elementId: fc.constantFrom(...ids) }),
    )
    const promptArb = fc.array(fc.oneof(fc.constantFrom('cat', 'runs', 'near', ','), fc.integer({ min: 1, max: 5 })), { maxLength: 12 })
    fc.assert(
      fc.property(promptArb, fc.array(opArb, { maxLength: 10 }), (words, ops) => {
        const prompt = words.map((w) => (typeof w === 'number' ? `<<<element_${w}>>>` : w)).join(' ')
        const named = (c: Clip) => elementTokenNumbers(c.prompt).map((n) => c.elementIds[n - 1])
        let current = doc({
          elements: ids.map((id) => createElement(id, id)),
          clips: [multiShotClip('a', [3], { elementIds: ids, prompt })],
        })
        const expected = named(clipOf(current, 'a'))
        const detached = new Set<string>()
        for (const op of ops) {
          current = applyEdit(current, { ...op, clipId: 'a' })
          if (op.type === 'detachElement') detached.add(op.elementId)
        }
        const a = clipOf(current, 'a')
        expect(named(a)).toEqual(expected.filter((id) => !detached.has(id!)))
        expect(named(a).every((id) => id !== undefined)).toBe(true)
      }),
    )
  })
})
