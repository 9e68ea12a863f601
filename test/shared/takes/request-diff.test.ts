import { describe, expect, it } from 'vitest'
import { diffRequests, diffWords } from '../../../src/shared/takes/request-diff'

const A = `asset:${'a'.repeat(64)}`
const B = `asset:${'b'.repeat(64)}`
const C = `asset:${'c'.repeat(64)}`
const base = { prompt: 'A lighthouse at dusk, waves crash', duration: 5, mode: 'pro', aspect_ratio: '16:9', sound: 'off' }

describe('the difference between two takes\u2019 requests', () => {
  it('finds nothing between identical requests', () => {
    expect(diffRequests(base, { ...base })).toEqual([])
  })

  it('lists prompt words added and removed, ignoring punctuation and case', () => {
    expect(diffRequests(base, { ...base, prompt: 'a lighthouse at night, waves crash softly' })).toEqual([
      { field: 'prompt', kind: 'words', added: ['night', 'softly'], removed: ['dusk'] },
    ])
    expect(diffWords('rain rain rain', 'rain')).toEqual({ added: [], removed: ['rain', 'rain'] })
  })

  it('lists negative prompt words, including a negative prompt that was not sent before', () => {
    expect(diffRequests(base, { ...base, negative_prompt: 'blurry, text' })).toEqual([
      { field: 'negative_prompt', kind: 'words', added: ['blurry', 'text'], removed: [] },
    ])
  })

  it.each([
    ['duration', 10, '5', '10'],
    ['mode', 'std', 'pro', 'std'],
    ['aspect_ratio', '9:16', '16:9', '9:16'],
    ['sound', 'on', 'off', 'on'],
  ] as const)('reports a change of %s', (field, value, from, to) => {
    expect(diffRequests(base, { ...base, [field]: value })).toEqual([{ field, kind: 'value', from, to }])
  })

  it('reports a frame added, replaced or removed by its asset id', () => {
    expect(diffRequests(base, { ...base, first_frame: A })).toEqual([{ field: 'first_frame', kind: 'image', from: null, to: 'a'.repeat(64) }])
    expect(diffRequests({ ...base, first_frame: A, last_frame: B }, { ...base, first_frame: A, last_frame: C })).toEqual([
      { field: 'last_frame', kind: 'image', from: 'b'.repeat(64), to: 'c'.repeat(64) },
    ])
    expect(diffRequests({ ...base, last_frame: B, first_frame: A }, { ...base, first_frame: A })).toEqual([
      { field: 'last_frame', kind: 'image', from: 'b'.repeat(64), to: null },
    ])
  })

  it('reports which elements differ, by position, and how many were sent', () => {
    const hero = { type: 'image', frontal_image: A, reference_images: [B] }
    const villain = { type: 'image', frontal_image: C, reference_images: [A] }
    expect(diffRequests({ ...base, elements: [hero] }, { ...base, elements: [hero, villain] })).toEqual([
      { field: 'elements', kind: 'elements', from: 1, to: 2, changed: [2] },
    ])
    expect(diffRequests({ ...base, elements: [hero] }, { ...base, elements: [{ ...hero, reference_images: [B, C] }] })).toEqual([
      { field: 'elements', kind: 'elements', from: 1, to: 1, changed: [1] },
    ])
    expect(diffRequests({ ...base, elements: [hero, villain] }, { ...base, elements: [villain, hero] })).toEqual([
      { field: 'elements', kind: 'elements', from: 2, to: 2, changed: [1, 2] },
    ])
  })

  it('reports the video an edit was made from and reference images that differ, by position', () => {
    const edit = { ...base, video_list: [{ video_url: 'take:t1', refer_type: 'base', keep_original_sound: 'yes' }], images: [A, B] }
    expect(diffRequests(base, edit)).toEqual([
      { field: 'video', kind: 'video', from: null, to: 'take:t1' },
      { field: 'images', kind: 'elements', from: 0, to: 2, changed: [1, 2] },
    ])
    const fromLink = { ...edit, video_list: [{ video_url: 'https://cdn.example.com/a.mp4', refer_type: 'base', keep_original_sound: 'yes' }], images: [A, C] }
    expect(diffRequests(edit, fromLink)).toEqual([
      { field: 'video', kind: 'video', from: 'take:t1', to: 'https://cdn.example.com/a.mp4' },
      { field: 'images', kind: 'elements', from: 2, to: 2, changed: [2] },
    ])
  })

  it('reports switching to multi-shot and each shot whose words or length changed', () => {
    const shots = (...list: [string, number][]) => ({
      duration: list.reduce((sum, [, d]) => sum + d, 0), mode: 'pro', aspect_ratio: '16:9', sound: 'off',
      multi_shot: true, shot_type: 'customize', multi_prompt: list.map(([prompt, duration]) => ({ prompt, duration })),
    })
    expect(diffRequests({ ...base, duration: 6 }, shots(['Wide harbour', 3], ['Close on the boat', 3]))).toEqual([
      { field: 'prompt', kind: 'words', added: [], removed: ['A', 'lighthouse', 'at', 'dusk', 'waves', 'crash'] },
      { field: 'shot_type', kind: 'value', from: 'single', to: 'customize' },
      {
        field: 'shots', kind: 'shots', from: 0, to: 2,
        shots: [
          { number: 1, added: ['Wide', 'harbour'], removed: [], durationFrom: null, durationTo: 3 },
          { number: 2, added: ['Close', 'on', 'the', 'boat'], removed: [], durationFrom: null, durationTo: 3 },
        ],
      },
    ])
    expect(diffRequests(shots(['Wide harbour', 3], ['Close on the boat', 3]), shots(['Wide harbour', 2], ['Close on the sail', 4]))).toEqual([
      {
        field: 'shots', kind: 'shots', from: 2, to: 2,
        shots: [
          { number: 1, added: [], removed: [], durationFrom: 3, durationTo: 2 },
          { number: 2, added: ['sail'], removed: ['boat'], durationFrom: 3, durationTo: 4 },
        ],
      },
    ])
  })

  it('reports a switch between intelligent and customized multi-shot', () => {
    const smart = { ...base, multi_shot: true, shot_type: 'intelligence' }
    expect(diffRequests(smart, { ...smart, shot_type: 'customize' })).toContainEqual({ field: 'shot_type', kind: 'value', from: 'intelligence', to: 'customize' })
  })
})
