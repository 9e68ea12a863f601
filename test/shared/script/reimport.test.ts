import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/shared/domain/edits'
import { defaultProjectDefaults, type ProjectDocument } from '../../../src/shared/domain/project'
import { mergeWithNext, proposeBreakdown } from '../../../src/shared/script/breakdown'
import { parseFountain } from '../../../src/shared/script/fountain'
import { planReimport } from '../../../src/shared/script/reimport'
import { buildScriptImport } from '../../../src/shared/script/script-clips'
import { scriptFixture } from './script-fixtures'

let ids = 0
const newId = () => `id-${++ids}`
const empty: ProjectDocument = { name: 'Film', defaults: defaultProjectDefaults, clips: [], elements: [] }
const first = buildScriptImport(proposeBreakdown(parseFountain(scriptFixture('lighthouse.fountain'))), { defaults: defaultProjectDefaults, elements: [], library: [], newId })
const imported = first.ops.reduce(applyEdit, empty)
const draft2 = parseFountain(scriptFixture('lighthouse-draft2.fountain'))
const options = { defaults: defaultProjectDefaults, library: [], newId, speak: false, removeClipsWithTakes: false }
const byTitle = (doc: ProjectDocument, title: string) => doc.clips.find((clip) => clip.title === title)!

describe('re-importing a newer draft', () => {
  it('says scene by scene what is new, changed and gone', () => {
    const plan = planReimport(imported, new Set(), draft2, options)
    expect(plan.scenes.map((s) => [s.label, s.status])).toEqual([
      ['COLD OPEN', 'same'],
      ['12 INT. LIGHTHOUSE — NIGHT', 'changed'],
      ['12A EXT. LIGHTHOUSE DOOR — CONTINUOUS', 'same'],
      ['14 INT. LAMP ROOM — LATER', 'new'],
      ['13 FLASHBACK — THE HARBOUR, 1979', 'gone'],
    ])
  })

  it('updates clips the user has not edited, keeping their id, and marks the edited ones with the new words', () => {
    const edited = byTitle(imported, '12 INT. LIGHTHOUSE — NIGHT · 2')
    const doc = applyEdit(imported, { type: 'updateClip', clipId: edited.id, patch: { prompt: 'My own take on the lamp room.' } })
    const plan = planReimport(doc, new Set(), draft2, options)
    const after = plan.ops.reduce(applyEdit, doc)
    const updated = byTitle(after, '12 INT. LIGHTHOUSE — NIGHT · 1')
    expect(updated.id).toBe(byTitle(imported, '12 INT. LIGHTHOUSE — NIGHT · 1').id)
    expect(updated.prompt).toContain('drags herself up the spiral stairs')
    const marked = after.clips.find((clip) => clip.id === edited.id)!
    expect(marked.prompt).toBe('My own take on the lamp room.')
    expect(marked.script!.changed).toEqual({ text: 'She reaches the lamp room and polishes the great lens with her scarf.', gone: false })
    expect(plan.counts).toMatchObject({ updated: 1, marked: 1 })
  })

  it('adds a new scene after the scene before it, and removes a gone scene’s clips only when unedited and without takes', () => {
    const flashback = imported.clips.filter((clip) => clip.script!.sceneKey === '#13')
    const withTake = flashback[0]!.id
    const plan = planReimport(imported, new Set([withTake]), draft2, options)
    const after = plan.ops.reduce(applyEdit, imported)
    expect(after.clips.filter((clip) => clip.script!.sceneKey === '#13').map((clip) => clip.id)).toEqual([withTake])
    expect(after.clips.find((clip) => clip.id === withTake)!.script!.changed).toEqual({ text: '', gone: true })
    expect(plan.goneWithTakes).toEqual([withTake])
    const order = after.clips.map((clip) => clip.script!.sceneKey)
    expect(order.lastIndexOf('#12A')).toBeLessThan(order.indexOf('#14'))
    expect(after.clips.filter((clip) => clip.script!.sceneKey === '#14').map((clip) => clip.title)).toEqual(['14 INT. LAMP ROOM — LATER · 1', '14 INT. LAMP ROOM — LATER · 2'])

    const asked = planReimport(imported, new Set([withTake]), draft2, { ...options, removeClipsWithTakes: true })
    expect(asked.ops.reduce(applyEdit, imported).clips.some((clip) => clip.id === withTake)).toBe(false)
  })

  it('leaves a scene whose clips the user merged as it is when its words did not change', () => {
    const merged = buildScriptImport(mergeWithNext(proposeBreakdown(parseFountain(scriptFixture('lighthouse.fountain'))), '#12A', 's3c1'), { defaults: defaultProjectDefaults, elements: [], library: [], newId })
    const doc = merged.ops.reduce(applyEdit, empty)
    const plan = planReimport(doc, new Set(), draft2, options)
    expect(plan.scenes.find((s) => s.key === '#12A')!.status).toBe('same')
    expect(plan.ops.reduce(applyEdit, doc).clips.filter((clip) => clip.script!.sceneKey === '#12A')).toEqual(doc.clips.filter((clip) => clip.script!.sceneKey === '#12A'))
  })

  it('changes nothing when the same draft comes in again', () => {
    const plan = planReimport(imported, new Set(), parseFountain(scriptFixture('lighthouse.fountain')), options)
    expect(plan.ops).toEqual([])
    expect(plan.scenes.every((s) => s.status === 'same')).toBe(true)
  })
})
