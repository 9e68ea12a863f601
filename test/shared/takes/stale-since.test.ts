import { describe, expect, it } from 'vitest'
import { createClip, createElement } from '../../../src/shared/domain/edits'
import { defaultProjectDefaults, type Clip, type Element, type Take } from '../../../src/shared/domain/project'
import { clipRequestSnapshot } from '../../../src/shared/takes/clip-request'
import { staleSince } from '../../../src/shared/takes/stale-clip'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)

const hero: Element = { ...createElement('el1', 'Hero'), frontalAssetId: A, referenceAssetIds: [B] }
const villain: Element = { ...createElement('el2', 'Villain'), frontalAssetId: C, referenceAssetIds: [] }

function takeOf(clip: Clip, id: string, elements: Element[]): Take {
  return {
    id, clipId: clip.id, status: 'completed', request: clipRequestSnapshot(clip, { elements }), taskId: 'task', remoteStatus: null,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', submittedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, error: null, files: [],
  }
}

/** A clip with a second chosen take made from `base`, then edited to `edit(base)`: what `staleSince` reports. */
function changedFields(base: Clip, edit: (clip: Clip) => Clip, elements: Element[] = [hero, villain]) {
  const other = takeOf({ ...base, id: 'other' }, 'take-other', elements)
  const first = takeOf(base, 'take1', elements)
  const chosen = takeOf(base, 'take2', elements)
  const clip = { ...edit(base), chosenTakeId: 'take2' }
  const stale = staleSince(clip, { elements, takes: [first, other, chosen] })
  return stale === null ? null : { number: stale.takeNumber, fields: stale.changes.map((change) => change.field) }
}

const single: Clip = { ...createClip(defaultProjectDefaults, 'clip1'), prompt: 'A lighthouse at dusk', firstFrameAssetId: A, lastFrameAssetId: B, elementIds: ['el1'] }
const shots: Clip = {
  ...single,
  multiShot: true,
  shotType: 'customize',
  duration: 8,
  shots: [{ id: 's1', prompt: 'Wide on the sea', duration: 3 }, { id: 's2', prompt: 'Close on the lamp', duration: 5 }],
}

describe('a clip changed since its chosen take', () => {
  it('is not stale when nothing that goes into the request changed, or when the clip has no take', () => {
    expect(changedFields(single, (clip) => ({ ...clip, title: 'Opening', takeNotes: { take1: { rating: 4, note: 'keep', rejected: false } } }))).toBeNull()
    expect(staleSince({ ...single, prompt: 'other', chosenTakeId: null }, { elements: [hero], takes: [] })).toBeNull()
  })

  it('compares with the newest finished take when none is chosen, as the film plays it', () => {
    const takes = [takeOf(single, 'take1', [hero]), takeOf({ ...single, prompt: 'A lighthouse at night' }, 'take2', [hero])]
    const stale = staleSince({ ...single, prompt: 'A lighthouse at night, in fog', chosenTakeId: null }, { elements: [hero], takes })
    expect(stale).toMatchObject({ takeId: 'take2', takeNumber: 2, changes: [{ field: 'prompt', added: ['in', 'fog'], removed: [] }] })
  })

  it.each<[string, Clip, (clip: Clip) => Clip, string]>([
    ['the prompt', single, (c) => ({ ...c, prompt: 'A lighthouse at night' }), 'prompt'],
    ['the negative prompt', single, (c) => ({ ...c, negativePrompt: 'blurry' }), 'negative_prompt'],
    ['the duration', single, (c) => ({ ...c, duration: 10 }), 'duration'],
    ['the mode', single, (c) => ({ ...c, mode: 'std' }), 'mode'],
    ['the aspect ratio', single, (c) => ({ ...c, aspectRatio: '9:16' }), 'aspect_ratio'],
    ['the sound', single, (c) => ({ ...c, sound: 'on' }), 'sound'],
    ['the switch to multi-shot', single, (c) => ({ ...c, multiShot: true, shotType: 'intelligence' }), 'shot_type'],
    ['the shot type', shots, (c) => ({ ...c, shotType: 'intelligence' }), 'shot_type'],
    ["a shot's prompt", shots, (c) => ({ ...c, shots: [c.shots[0]!, { ...c.shots[1]!, prompt: 'Close on the keeper' }] }), 'shots'],
    ["a shot's duration", shots, (c) => ({ ...c, shots: [{ ...c.shots[0]!, duration: 4 }, { ...c.shots[1]!, duration: 4 }] }), 'shots'],
    ['the first frame', single, (c) => ({ ...c, firstFrameAssetId: C }), 'first_frame'],
    ['the last frame, removed', single, (c) => ({ ...c, lastFrameAssetId: null }), 'last_frame'],
    ['an element added', single, (c) => ({ ...c, elementIds: ['el1', 'el2'] }), 'elements'],
  ])('is stale after a change of %s, naming that field and the chosen take', (_what, base, edit, field) => {
    expect(changedFields(base, edit)).toEqual({ number: 2, fields: expect.arrayContaining([field]) })
  })

  it("is stale when an element's images changed, though the clip itself was not edited", () => {
    const before = changedFields(single, (clip) => clip, [hero])
    expect(before).toBeNull()
    const other = takeOf(single, 'take1', [hero])
    const changedHero = { ...hero, referenceAssetIds: [B, C] }
    const stale = staleSince({ ...single, chosenTakeId: 'take1' }, { elements: [changedHero], takes: [other] })
    expect(stale?.changes).toEqual([{ field: 'elements', kind: 'elements', from: 1, to: 1, changed: [1] }])
    const newFront = staleSince({ ...single, chosenTakeId: 'take1' }, { elements: [{ ...hero, frontalAssetId: C }], takes: [other] })
    expect(newFront?.changes.map((change) => change.field)).toEqual(['elements'])
  })

  it('is stale, not broken, when an element it used was deleted', () => {
    const take = takeOf(single, 'take1', [hero])
    expect(staleSince({ ...single, chosenTakeId: 'take1' }, { elements: [], takes: [take] })?.changes).toEqual([
      { field: 'elements', kind: 'elements', from: 1, to: 0, changed: [1] },
    ])
  })
})
