import { describe, expect, it } from 'vitest'
import type { Clip, Element, Take } from '../../../src/shared/domain/project'
import { clipRequestSnapshot } from '../../../src/shared/takes/clip-request'
import { staleSince } from '../../../src/shared/takes/stale-clip'
import { makeClip } from '../../main/mulerouter/helpers'

const hash = (digit: string) => digit.repeat(64)
const elements: Element[] = [
  { id: 'el_a', name: 'Captain', frontalAssetId: hash('a'), referenceAssetIds: [hash('b')] },
  { id: 'el_b', name: 'Dog', frontalAssetId: hash('c'), referenceAssetIds: [] },
]
const shots = [
  { id: 'shot_1', prompt: 'Wide of the harbour', duration: 3 },
  { id: 'shot_2', prompt: 'Close on the rope', duration: 2 },
]

function takeOf(clip: Clip): Take {
  const at = '2026-12-01T10:00:00.000Z'
  return {
    id: 'take_1', clipId: clip.id, status: 'completed', request: clipRequestSnapshot(clip, { elements }), taskId: 'task-1', remoteStatus: 'succeeded',
    createdAt: at, updatedAt: at, submittedAt: at, finishedAt: at, error: null, files: [],
  }
}

const base = makeClip({ negativePrompt: 'blur', firstFrameAssetId: hash('d'), elementIds: ['el_a'] })
const multi = makeClip({ multiShot: true, shotType: 'customize', shots, prompt: '' })

describe('a clip changed since its take', () => {
  it('is not stale as made, nor without any take', () => {
    expect(staleSince(base, { elements, takes: [takeOf(base)] })).toBeNull()
    expect(staleSince(base, { elements, takes: [] })).toBeNull()
  })

  const edits: [string, Clip, Partial<Clip>][] = [
    ['prompt', base, { prompt: 'A paper boat sinks in a rainy street' }],
    ['negative_prompt', base, { negativePrompt: 'blur, grain' }],
    ['duration', base, { duration: 8 }],
    ['mode', base, { mode: 'std' }],
    ['aspect_ratio', base, { aspectRatio: '9:16' }],
    ['sound', base, { sound: 'on' }],
    ['first_frame', base, { firstFrameAssetId: hash('e') }],
    ['last_frame', base, { lastFrameAssetId: hash('f') }],
    ['elements', base, { elementIds: ['el_a', 'el_b'] }],
    ['shot_type', multi, { shotType: 'intelligence', prompt: 'The harbour at dawn' }],
    ['shots', multi, { shots: [shots[0]!, { ...shots[1]!, prompt: 'Close on the knot' }] }],
  ]
  it.each(edits)('says %s changed, and since which take', (field, clip, patch) => {
    const stale = staleSince({ ...clip, ...patch }, { elements, takes: [takeOf(clip)] })
    expect(stale?.takeNumber).toBe(1)
    expect(stale?.changes.map((change) => change.field)).toContain(field)
  })
})
