import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { createClip } from '../../../src/shared/domain/create'
import type { EditRequest } from '../../../src/shared/domain/edit-request'
import type { Clip, Take } from '../../../src/shared/domain/project'
import { validateClip } from '../../../src/shared/domain/validate-clip'
import { validateEdit } from '../../../src/shared/domain/validate-edit'
import { VideoSourceSchema, type VideoFacts } from '../../../src/shared/domain/video-reference'
import { bodyOf, CANARY_KEY, clientFor, makeImage } from './helpers'

const media = (name: string) => fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url))
const fourSeconds: VideoFacts = { durationSeconds: 4, width: 1280, height: 720, fps: 24, bytes: 16_900, contentType: 'video/mp4' }
const twoSeconds: VideoFacts = { durationSeconds: 2, width: 854, height: 480, fps: 24, bytes: 3_172, contentType: 'video/mp4' }

let good: FakeMuleRouter
let short: FakeMuleRouter
let links: { good: string; short: string }
let png: string

/** A finished task at a fake whose result is `video`, and its live link. */
async function finishedLink(fake: FakeMuleRouter): Promise<string> {
  const { taskId } = await clientFor(fake, CANARY_KEY).submit(bodyOf({ prompt: 'a harbour', duration: 5, mode: 'pro', sound: 'off' }))
  fake.advance(60_000)
  return (await clientFor(fake, CANARY_KEY).getTask(taskId)).videos[0]!
}

beforeAll(async () => {
  good = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual', videoPath: media('take-4s-720p.mp4') })
  short = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual', videoPath: media('take-2s-480p.mp4') })
  links = { good: await finishedLink(good), short: await finishedLink(short) }
  png = (await makeImage(1)).bytes.toString('base64')
})
afterAll(async () => {
  await good.close()
  await short.close()
})

/** What the fake answers a body on `path`: its status and `detail`. */
async function fakeSays(path: string, body: Record<string, unknown>): Promise<{ status: number; detail: string }> {
  const response = await fetch(`${good.url}/vendors/klingai/v1/kling-v3-omni/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${CANARY_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, detail: String(((await response.json()) as { detail?: string }).detail ?? '') }
}

const video = (url: string, referType = 'base', keep = 'no') => ({ video_list: [{ video_url: url, refer_type: referType, keep_original_sound: keep }] })
const sourceTake = (facts: VideoFacts): Take =>
  ({ id: 'src', clipId: 'c1', status: 'completed', request: {}, taskId: 't1', remoteStatus: 'completed', createdAt: '', updatedAt: '', submittedAt: '', finishedAt: '', error: null, files: [], videoFacts: facts }) as Take
const edit = (overrides: Partial<EditRequest> = {}): EditRequest => ({
  clipId: 'c1', source: { kind: 'take', takeId: 'src' }, instruction: 'Add snow', negativePrompt: '', keepOriginalSound: false, mode: 'pro', referenceImageIds: [], elementIds: [], ...overrides,
})
const rulesOf = (issues: { rule: string; severity: string }[]) => issues.filter((issue) => issue.severity === 'error').map((issue) => issue.rule)
const library = (facts: VideoFacts) => ({ assets: [], elements: [], takes: [sourceTake(facts)] })
const nextShot = (overrides: Partial<Clip> = {}): Clip => ({
  ...createClip({ mode: 'pro', aspectRatio: '16:9', duration: 5, sound: 'off' }, 'c2'),
  prompt: 'The same move at night',
  videoReference: { source: { kind: 'take', takeId: 'src' }, keepOriginalSound: false },
  ...overrides,
})

describe('every video rule, in the pre-flight and at the fake', () => {
  it('a valid edit passes both', async () => {
    expect(rulesOf(validateEdit(edit(), library(fourSeconds)))).toEqual([])
    expect(await fakeSays('video-to-video/edit', { prompt: 'Add snow', mode: 'pro', ...video(links.good) })).toMatchObject({ status: 200 })
  })

  it('a 2 s, 480p video: too short and too small for both', async () => {
    expect(rulesOf(validateEdit(edit(), library(twoSeconds)))).toEqual(['video_duration', 'video_size'])
    const answer = await fakeSays('video-to-video/edit', { prompt: 'Add snow', mode: 'pro', ...video(links.short) })
    expect(answer.status).toBe(400)
    expect(answer.detail).toContain('3 to 10 seconds')
    expect(answer.detail).toContain('720 to 2160 px')
  })

  it('a video that is not a URL: the project refuses it, the fake refuses it', async () => {
    expect(VideoSourceSchema.safeParse({ kind: 'url', url: `data:video/mp4;base64,${png}` }).success).toBe(false)
    const answer = await fakeSays('video-to-video/edit', { prompt: 'Add snow', mode: 'pro', ...video(png) })
    expect(answer).toMatchObject({ status: 400 })
    expect(answer.detail).toContain('must be a URL')
  })

  it('images and elements over 4 with a video', async () => {
    const five = ['1', '2', '3', '4', '5'].map((n) => n.repeat(64))
    expect(rulesOf(validateEdit(edit({ referenceImageIds: five }), library(fourSeconds)))).toContain('video_images_and_elements_limit')
    const answer = await fakeSays('video-to-video/edit', { prompt: 'Add snow', mode: 'pro', images: [png, png, png, png, png], ...video(links.good) })
    expect(answer.status).toBe(400)
    expect(answer.detail).toContain('must not exceed 4')
  })

  it('sound on with a video', async () => {
    expect(rulesOf(validateClip(nextShot({ sound: 'on' }), library(fourSeconds)))).toEqual(['video_with_sound'])
    const answer = await fakeSays('video-to-video/generation', { prompt: 'Night', mode: 'pro', duration: 5, sound: 'on', ...video(links.good, 'feature') })
    expect(answer.status).toBe(400)
    expect(answer.detail).toContain('sound must be off')
  })

  it('frames on an edit: an edit has no frame fields to send, and the fake refuses them', async () => {
    const answer = await fakeSays('video-to-video/edit', { prompt: 'Add snow', mode: 'pro', first_frame: png, ...video(links.good) })
    expect(answer.status).toBe(400)
    expect(answer.detail).toContain('first_frame is not allowed on an edit')
  })

  it('unknown fields are refused on the video paths', async () => {
    const answer = await fakeSays('video-to-video/generation', { prompt: 'Night', mode: 'pro', duration: 5, keep_audio: true, ...video(links.good, 'feature') })
    expect(answer.status).toBe(400)
    expect(answer.detail).toContain("unknown field 'keep_audio'")
  })

  it('reference images, frames and elements together over 7 on reference-to-video', async () => {
    const six = ['1', '2', '3', '4', '5', '6'].map((n) => n.repeat(64))
    const clip = { ...createClip({ mode: 'pro', aspectRatio: '16:9', duration: 5, sound: 'off' }, 'c3'), prompt: 'Harbour', firstFrameAssetId: 'f'.repeat(64), lastFrameAssetId: 'e'.repeat(64), referenceImageIds: six }
    expect(rulesOf(validateClip(clip, { assets: [], elements: [] }))).toContain('images_and_elements_limit')
    const answer = await fakeSays('reference-to-video/generation', { prompt: 'Harbour', duration: 5, mode: 'pro', sound: 'off', first_frame: png, last_frame: png, images: Array(6).fill(png) })
    expect(answer.status).toBe(400)
    expect(answer.detail).toContain('must not exceed 7')
  })
})
