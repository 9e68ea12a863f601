import { describe, expect, it } from 'vitest'
import { createNextShot } from '../../../src/shared/domain/create'
import { applyEdit } from '../../../src/shared/domain/edits'
import { EditOpSchema } from '../../../src/shared/domain/edits-schema'
import { ClipSchema, defaultProjectDefaults } from '../../../src/shared/domain/project'
import { clip, doc } from './fixtures'

const a1 = '1'.repeat(64)
const a2 = '2'.repeat(64)

describe('reference images and video references on a clip', () => {
  it('sets, reorders and clears a clip’s reference images in one op each, without duplicates', () => {
    const set = applyEdit(doc(), { type: 'setReferenceImages', clipId: 'a', assetIds: [a1, a2, a1] })
    expect(set.clips[0]!.referenceImageIds).toEqual([a1, a2])
    const swapped = applyEdit(set, { type: 'setReferenceImages', clipId: 'a', assetIds: [a2, a1] })
    expect(swapped.clips[0]!.referenceImageIds).toEqual([a2, a1])
    expect(applyEdit(swapped, { type: 'setReferenceImages', clipId: 'a', assetIds: [] }).clips[0]!.referenceImageIds).toEqual([])
  })

  it('keeps each <<<image_N>>> naming the same image when the list changes, and drops the token of a removed image', () => {
    const named = doc({ clips: [clip('a', { prompt: 'a room like <<<image_1>>> lit like <<<image_2>>>', referenceImageIds: [a1, a2] })] })
    const swapped = applyEdit(named, { type: 'setReferenceImages', clipId: 'a', assetIds: [a2, a1] })
    expect(swapped.clips[0]!.prompt).toBe('a room like <<<image_2>>> lit like <<<image_1>>>')
    const removed = applyEdit(named, { type: 'setReferenceImages', clipId: 'a', assetIds: [a2] })
    expect(removed.clips[0]!.prompt).toBe('a room like lit like <<<image_1>>>')
  })

  it('refuses more than 7 reference images at the IPC boundary', () => {
    const eight = Array.from({ length: 8 }, (_, i) => String(i).repeat(64))
    expect(EditOpSchema.safeParse({ type: 'setReferenceImages', clipId: 'a', assetIds: eight }).success).toBe(false)
  })

  it('turns the clip’s own sound off when it gets a video, and leaves it when the video is removed', () => {
    const loud = doc({ clips: [clip('a', { sound: 'on' })] })
    const linked = applyEdit(loud, { type: 'setVideoReference', clipId: 'a', videoReference: { source: { kind: 'take', takeId: 't1' }, keepOriginalSound: true } })
    expect(linked.clips[0]!.sound).toBe('off')
    expect(linked.clips[0]!.videoReference).toEqual({ source: { kind: 'take', takeId: 't1' }, keepOriginalSound: true })
    expect(applyEdit(linked, { type: 'setVideoReference', clipId: 'a', videoReference: null }).clips[0]!.videoReference).toBeNull()
  })

  it('accepts only https links as a video source', () => {
    const op = (url: string) => ({ type: 'setVideoReference', clipId: 'a', videoReference: { source: { kind: 'url', url }, keepOriginalSound: false } })
    expect(EditOpSchema.safeParse(op('https://cdn.example.com/take.mp4')).success).toBe(true)
    expect(EditOpSchema.safeParse(op('http://cdn.example.com/take.mp4')).success).toBe(false)
    expect(EditOpSchema.safeParse(op('file:///etc/passwd')).success).toBe(false)
  })

  it('makes a next shot that follows the take with the source’s mode, shape and length and its sound off', () => {
    const source = clip('a', { title: 'Harbour', mode: 'std', aspectRatio: '9:16', duration: 8, sound: 'on' })
    const next = createNextShot(defaultProjectDefaults, source, 't1', 'n1')
    expect(ClipSchema.parse(next)).toEqual(next)
    expect(next).toMatchObject({ id: 'n1', title: 'After Harbour', mode: 'std', aspectRatio: '9:16', duration: 8, sound: 'off', prompt: '' })
    expect(next.videoReference).toEqual({ source: { kind: 'take', takeId: 't1' }, keepOriginalSound: false })
  })
})
