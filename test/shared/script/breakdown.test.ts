import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/shared/domain/edits'
import { createClip } from '../../../src/shared/domain/create'
import { defaultProjectDefaults } from '../../../src/shared/domain/project'
import { validatePrompts } from '../../../src/shared/domain/validate-prompts'
import { clipSeconds, mergeWithNext, proposeBreakdown, setAllSeconds, splitClip, type Breakdown } from '../../../src/shared/script/breakdown'
import { characterKey } from '../../../src/shared/script/character-names'
import { parseFountain } from '../../../src/shared/script/fountain'
import { buildScriptImport, replacingClips, type ScriptImportContext } from '../../../src/shared/script/script-clips'
import { scriptFixture } from './script-fixtures'

let ids = 0
const context = (over: Partial<ScriptImportContext> = {}): ScriptImportContext => ({
  defaults: defaultProjectDefaults, elements: [], library: [], newId: () => `id-${++ids}`, ...over,
})
const breakdown = proposeBreakdown(parseFountain(scriptFixture('lighthouse.fountain')))
const only = (b: Breakdown, key: string): Breakdown => ({ ...b, scenes: b.scenes.filter((s) => s.scene.key === key) })
const scene12 = only(breakdown, '#12')

describe('the breakdown', () => {
  it('proposes one clip per action paragraph or dialogue exchange', () => {
    const kinds = scene12.scenes[0]!.clips.map((clip) => clip.beats.map((beat) => (beat.kind === 'action' ? 'action' : `talk ×${beat.lines.length}`)).join('+'))
    expect(kinds).toEqual(['action', 'action', 'talk ×2', 'action', 'talk ×3'])
  })

  it('titles each clip with the scene number, heading and its place in the scene', () => {
    const { clips } = buildScriptImport(scene12, context())
    expect(clips.map(({ clip }) => clip.title)).toEqual([1, 2, 3, 4, 5].map((n) => `12 INT. LIGHTHOUSE — NIGHT · ${n}`))
  })

  it('times dialogue at 2.5 words a second and action at 3, clamped to 3–15 s', () => {
    const clips = scene12.scenes[0]!.clips
    // 17 words of action → 5.7 s → 6; "Not tonight. Not on my watch. Élodie! Open the door!" is 10 words → 4 s.
    expect(clipSeconds(clips[0]!)).toBe(6)
    expect(clipSeconds(clips[2]!)).toBe(4)
    // "Élodie freezes, then hurries back down." is 6 words → 2 s, raised to Kling's 3 s minimum.
    expect(clipSeconds(clips[3]!)).toBe(3)
    const long = proposeBreakdown(parseFountain(`INT. HALL - DAY\n\n${'Word '.repeat(90)}\n`))
    expect(clipSeconds(long.scenes[0]!.clips[0]!)).toBe(15)
    expect(setAllSeconds(scene12, 8).scenes[0]!.clips.map(clipSeconds)).toEqual([8, 8, 8, 8, 8])
  })

  it('names the characters present and puts their element chips in the prompt', () => {
    const built = buildScriptImport(scene12, context())
    expect(built.cast.map((member) => [member.name, member.source])).toEqual([['Élodie', 'new'], ['Tomas', 'new']])
    const [elodie, tomas] = built.cast
    const [first, , talk] = built.clips.map(({ clip }) => clip)
    expect(first!.elementIds).toEqual([elodie!.elementId])
    expect(first!.prompt).toBe('<<<element_1>>>, sixties, climbs the spiral stairs with a paraffin lamp. Rain streams down the small windows.')
    expect(talk!.elementIds).toEqual([elodie!.elementId, tomas!.elementId])
    expect(talk!.prompt).toBe('<<<element_1>>> and <<<element_2>>> talk.')
    expect(talk!.script?.dialogue).toEqual([
      { character: 'ÉLODIE', parenthetical: '(to herself)', text: 'Not tonight. Not on my watch.' },
      { character: 'TOMAS', parenthetical: null, text: 'Élodie! Open the door!' },
    ])
  })

  it('matches characters to existing elements ignoring case, accents and extensions, and new ones become placeholders', () => {
    expect(characterKey("Élodie (CONT'D)")).toBe(characterKey('ELODIE (V.O.)'))
    const built = buildScriptImport(scene12, context({ elements: [{ id: 'el-e', name: 'elodie' }] }))
    expect(built.cast.map((member) => [member.elementId === 'el-e', member.source])).toEqual([[true, 'project'], [false, 'new']])
    expect(built.ops.filter((op) => op.type === 'addElement')).toEqual([{ type: 'addElement', element: { id: built.cast[1]!.elementId, name: 'Tomas', frontalAssetId: null, referenceAssetIds: [] } }])
  })

  it('takes a character saved in the library with its images', () => {
    const frontal = 'a'.repeat(64)
    const built = buildScriptImport(scene12, context({ library: [{ name: 'Tomas', frontalAssetId: frontal, referenceAssetIds: [frontal] }] }))
    const added = built.ops.flatMap((op) => (op.type === 'addElement' ? [op.element] : []))
    expect(added.map((e) => [e.name, e.frontalAssetId])).toEqual([['Élodie', null], ['Tomas', frontal]])
  })

  it('speaks the lines in the prompt in Kling’s form, with sound on, when asked', () => {
    const built = buildScriptImport({ ...scene12, speak: true }, context())
    const talk = built.clips[2]!.clip
    expect(talk.sound).toBe('on')
    expect(talk.prompt).toBe('<<<element_1>>> and <<<element_2>>> talk.\n[<<<element_1>>>, to herself]: "Not tonight. Not on my watch."\n[<<<element_2>>>]: "Élodie! Open the door!"')
    expect(built.clips[0]!.clip.sound).toBe('off')
  })

  it('keeps spoken prompts within 2,500 characters, and leaves the lines that do not fit as data', () => {
    const speech = Array.from({ length: 12 }, (_, i) => `BOB\n${`Line ${i} `.repeat(40)}\n\nALICE\nYes.\n`).join('\n')
    const long = proposeBreakdown(parseFountain(`INT. ROOM - DAY\n\n${speech}`))
    const built = buildScriptImport({ ...long, speak: true }, context())
    for (const { clip, omittedLines } of built.clips) {
      expect(clip.prompt.length).toBeLessThanOrEqual(2500)
      expect(validatePrompts(clip)).toEqual([])
      expect(clip.script!.dialogue.length).toBeGreaterThan(0)
      if (omittedLines > 0) expect(clip.prompt.split('\n').length - 1 + omittedLines).toBe(clip.script!.dialogue.length)
    }
  })

  it('merges clips into one multi-shot clip with a shot per beat, each within 512 characters and the clip’s length', () => {
    const merged = mergeWithNext(mergeWithNext({ ...scene12, speak: true }, '#12', 's2c1'), '#12', 's2c1')
    expect(merged.scenes[0]!.clips).toHaveLength(3)
    const clip = buildScriptImport(merged, context()).clips[0]!.clip
    expect(clip.multiShot).toBe(true)
    expect(clip.shots).toHaveLength(3)
    expect(clip.shots.reduce((sum, shot) => sum + shot.duration, 0)).toBe(clip.duration)
    for (const shot of clip.shots) expect(shot.prompt.length).toBeLessThanOrEqual(512)
    expect(validatePrompts(clip)).toEqual([])
  })

  it('splits a clip in two between speeches, and between sentences', () => {
    const split = splitClip(splitClip(scene12, '#12', 's2c5'), '#12', 's2c1')
    const kinds = split.scenes[0]!.clips.map((clip) => clip.beats.map((beat) => (beat.kind === 'action' ? beat.text.slice(0, 12) : `talk ×${beat.lines.length}`)).join('+'))
    expect(kinds).toEqual(['Élodie, sixt', 'Rain streams', 'She reaches ', 'talk ×2', 'Élodie freez', 'talk ×2', 'talk ×1'])
  })

  it('imports only the chosen scenes', () => {
    const chosen = { ...breakdown, scenes: breakdown.scenes.map((s) => ({ ...s, include: s.scene.key === '#13' })) }
    expect(buildScriptImport(chosen, context()).clips.map(({ clip }) => clip.title)).toEqual(['13 FLASHBACK — THE HARBOUR, 1979 · 1', '13 FLASHBACK — THE HARBOUR, 1979 · 2', '13 FLASHBACK — THE HARBOUR, 1979 · 3'])
  })

  it('replaces a selection of clips in place, as one edit, leaving the clips around it', () => {
    const clips = ['a', 'b', 'c', 'd'].map((id) => createClip(defaultProjectDefaults, id, id))
    const doc = { name: 'Film', defaults: defaultProjectDefaults, clips, elements: [] }
    const built = buildScriptImport(only(breakdown, '#12A'), context())
    const after = replacingClips(built, ['a', 'b', 'c', 'd'], ['c', 'b']).reduce(applyEdit, doc)
    expect(after.clips.map((clip) => clip.title)).toEqual(['a', ...[1, 2, 3].map((n) => `12A EXT. LIGHTHOUSE DOOR — CONTINUOUS · ${n}`), 'd'])
    expect(after.elements.map((element) => element.name)).toEqual(['Tomas', 'Élodie'])
  })
})
