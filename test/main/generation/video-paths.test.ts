import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createNextShot } from '../../../src/shared/domain/create'
import type { EditRequest } from '../../../src/shared/domain/edit-request'
import { probeTakeVideoFacts } from '../../../src/main/services/media/take-video-facts'
import { pngOf } from '../images/test-images'
import { engineFor, recorder, refusal, takeOf, testPrices, useWorld, type World } from './harness'

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url))
type VideoBody = { prompt: string; video_list: { video_url: string; refer_type: string; keep_original_sound: string }[]; images?: string[]; sound?: string; duration?: number }

/** A finished, probed first take of the first clip, as the Edit… and New shot dialogs find it. */
async function finishedTake(world: World) {
  const engine = engineFor(world.session, world.fake, recorder())
  const take = await engine.start(world.session.project().clips[0]!.id)
  await engine.idle()
  await probeTakeVideoFacts(world.session, take.id, () => undefined)
  return { engine, take: takeOf(world.session, take.id) }
}

const editOf = (clipId: string, takeId: string, overrides: Partial<EditRequest> = {}): EditRequest => ({
  clipId,
  source: { kind: 'take', takeId },
  instruction: 'Add falling snow to <<<video_1>>>',
  negativePrompt: '',
  keepOriginalSound: true,
  mode: 'std',
  referenceImageIds: [],
  elementIds: [],
  ...overrides,
})

describe('edit a take, next shot, reference images: one POST each on its own path', () => {
  const world = useWorld(['A lighthouse at dusk'], { videoPath: fixture('take-4s-720p.mp4') })

  it('edits a finished take: one POST to video-to-video/edit with the take’s live link, polled there, with its lineage', async () => {
    const { engine, take } = await finishedTake(world)
    const clipId = take.clipId
    const edit = await engine.edit(editOf(clipId, take.id), 'press-edit')
    expect(await engine.edit(editOf(clipId, take.id), 'press-edit')).toMatchObject({ id: edit.id })
    await engine.idle()

    const [, post] = world.fake.submits()
    expect(world.fake.submits()).toHaveLength(2)
    expect(post!.path).toBe('/vendors/klingai/v1/kling-v3-omni/video-to-video/edit')
    expect(post!.status).toBe(200)
    const body = post!.body as VideoBody
    expect(body.prompt).toBe('Add falling snow to @Video1')
    expect(body.video_list).toEqual([{ video_url: take.files[0]!.url, refer_type: 'base', keep_original_sound: 'yes' }])
    expect(world.fake.requests.some((request) => request.method === 'GET' && request.path.includes('/video-to-video/edit/'))).toBe(true)

    const done = takeOf(world.session, edit.id)
    expect(done).toMatchObject({ status: 'completed', clipId, endpoint: 'video-to-video/edit', edit: { source: { kind: 'take', takeId: take.id }, instruction: 'Add falling snow to <<<video_1>>>' } })
    expect((done.request as unknown as VideoBody).video_list[0]!.video_url).toBe(`take:${take.id}`)
    // Billed by the source's length (4 s), at the no-sound rate.
    expect(done.estimate).toMatchObject({ seconds: 4, sound: 'off', mode: 'std', usd: 4 * testPrices.stdPerSecond })
  })

  it('says what the edit would cost before it is queued, from the source’s length', async () => {
    const { engine, take } = await finishedTake(world)
    const plan = await engine.planEdit(editOf(take.clipId, take.id, { mode: 'pro' }))
    expect(plan.items[0]).toMatchObject({ title: 'Edit of take 1', estimateUsd: 4 * testPrices.proPerSecond, problems: [] })
    expect(world.fake.submits()).toHaveLength(1)
  })

  it('fails an edit unsent, in plain words, when MuleRouter no longer has the take’s video', async () => {
    const { engine, take } = await finishedTake(world)
    world.fake.tasks.delete(take.taskId!)
    const edit = await engine.edit(editOf(take.clipId, take.id), 'press-gone')
    await engine.idle()
    expect(world.fake.submits()).toHaveLength(1)
    const failed = takeOf(world.session, edit.id)
    expect(failed).toMatchObject({ status: 'failed', submittedAt: null, error: { code: 'video_link_gone' } })
    expect(failed.error!.message).toContain("MuleRouter no longer has take 1's video")
    expect(failed.error!.hint).toContain('https link')
  })

  it('sends a next shot to video-to-video/generation with the take’s link, its own prompt and sound off', async () => {
    const { engine, take } = await finishedTake(world)
    const project = world.session.project()
    const next = { ...createNextShot(project.defaults, project.clips[0]!, take.id, 'next-1'), prompt: 'The same move over a night harbour' }
    world.session.applyEdits([{ type: 'addClip', clip: next, index: 1 }])
    const shot = await engine.start('next-1')
    await engine.idle()
    const post = world.fake.submits()[1]!
    expect(post.path).toBe('/vendors/klingai/v1/kling-v3-omni/video-to-video/generation')
    expect(post.status).toBe(200)
    expect(post.body).toMatchObject({ prompt: 'The same move over a night harbour', sound: 'off', duration: next.duration, video_list: [{ video_url: take.files[0]!.url, refer_type: 'feature', keep_original_sound: 'no' }] })
    expect(takeOf(world.session, shot.id)).toMatchObject({ status: 'completed', endpoint: 'video-to-video/generation' })
  })

  it('sends a clip with two reference images to reference-to-video, images in order', async () => {
    const engine = engineFor(world.session, world.fake, recorder())
    const pictures = [await pngOf(400, 400, 7), await pngOf(600, 400, 8)]
    const ids = await Promise.all(pictures.map(async (bytes, i) => (await world.session.importBytes(`ref-${i}.png`, bytes)).assets[0]!.id))
    const clipId = world.session.project().clips[0]!.id
    world.session.applyEdits([
      { type: 'setReferenceImages', clipId, assetIds: ids },
      { type: 'updateClip', clipId, patch: { prompt: 'The harbour of <<<image_1>>> in the style of <<<image_2>>>' } },
    ])
    const take = await engine.start(clipId)
    await engine.idle()
    const post = world.fake.submits()[0]!
    expect(post.path).toBe('/vendors/klingai/v1/kling-v3-omni/reference-to-video/generation')
    expect(post.status).toBe(200)
    expect((post.body as VideoBody).images!.map((image) => Buffer.from(image, 'base64'))).toEqual(pictures)
    expect(takeOf(world.session, take.id)).toMatchObject({ status: 'completed', endpoint: 'reference-to-video/generation' })
  })
})

describe('a take outside Kling’s video rules', () => {
  const world = useWorld(['A lighthouse at dusk'], { videoPath: fixture('take-2s-480p.mp4') })

  it('is refused for an edit before anything is journaled, saying why', async () => {
    const { engine, take } = await finishedTake(world)
    const before = world.session.project().takes.length
    const code = await refusal(engine.edit(editOf(take.clipId, take.id), 'press-short'))
    expect(code).toBe('clip_invalid')
    const plan = await engine.planEdit(editOf(take.clipId, take.id))
    expect(plan.items[0]!.problems).toEqual(['Take 1 is 2 s; an edit needs 3–10 s.', 'Take 1 is 854×480; an edit needs 720–2160 px on each side.'])
    expect(world.session.project().takes).toHaveLength(before)
    expect(world.fake.submits()).toHaveLength(1)
  })
})
