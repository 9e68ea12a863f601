import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { buildEditBody, buildRequestBody } from '../../../src/main/services/mulerouter/build-request'
import type { RequestBody } from '../../../src/main/services/mulerouter/request-body'
import type { EditRequest } from '../../../src/shared/domain/edit-request'
import type { Clip } from '../../../src/shared/domain/project'
import { planClipRequest, planEditRequest } from '../../../src/shared/takes/clip-request'
import { appErrorOf, bodyOf, clientFor, CANARY_KEY, imageLibrary, makeClip, makeElement, makeImage, type TestImage } from './helpers'

type Case = { name: string; endpoint: string; body: Record<string, unknown>; clip?: Record<string, unknown>; edit?: Record<string, unknown> }
const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/requests/omni-paths.json', import.meta.url), 'utf8')) as { cases: Case[] }
const media = (name: string) => fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url))

let images: Record<string, TestImage>
let fake: FakeMuleRouter
/** A live link to a finished task's video at the fake: what a take's link is asked afresh into. */
let liveLink: string

beforeAll(async () => {
  const made = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(async (name, i) => [name, await makeImage(i + 1)] as const))
  images = Object.fromEntries(made)
  fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual', videoPath: media('take-4s-720p.mp4') })
  const source = await clientFor(fake, CANARY_KEY).submit(bodyOf({ prompt: 'a harbour', duration: 5, mode: 'pro', sound: 'off' }))
  fake.advance(60_000)
  liveLink = (await clientFor(fake, CANARY_KEY).getTask(source.taskId)).videos[0]!
})
afterAll(() => fake.close())

const id = (name: string) => images[name]!.asset.id
const element = () => makeElement('el_1', images.b!, [images.c!])
const named = (body: unknown): unknown => JSON.parse(Object.entries(images).reduce((text, [name, image]) => text.replaceAll(image.asset.id, name), JSON.stringify(body)))

function clipOf(fields: Record<string, unknown>): Clip {
  const { firstFrame, lastFrame, referenceImages, ...rest } = fields as { firstFrame?: string; lastFrame?: string; referenceImages?: string[] }
  return makeClip({
    ...(rest as Partial<Clip>),
    firstFrameAssetId: firstFrame ? id(firstFrame) : null,
    lastFrameAssetId: lastFrame ? id(lastFrame) : null,
    ...(referenceImages ? { referenceImageIds: referenceImages.map(id) } : {}),
  })
}

function editOf(fields: Record<string, unknown>): EditRequest {
  const { referenceImages, ...rest } = fields as { referenceImages: string[] }
  return { clipId: 'clip_1', ...(rest as Omit<EditRequest, 'clipId' | 'referenceImageIds'>), referenceImageIds: referenceImages.map(id) }
}

const planned = (test: Case) => (test.clip ? planClipRequest(clipOf(test.clip), { elements: [element()] }) : planEditRequest(editOf(test.edit!), { elements: [element()] }))

/** The built body with its `take:` video as the live link, as the engine sends it just before the POST. */
function live(body: RequestBody): RequestBody {
  const list = body.snapshot.video_list as { video_url: string }[] | undefined
  if (!list) return body
  return { ...body, snapshot: { ...body.snapshot, video_list: list.map((item) => ({ ...item, video_url: item.video_url.startsWith('take:') ? liveLink : item.video_url })) } }
}

describe('the body of each Kling V3 Omni path, from committed fixtures', () => {
  it.each(fixtures.cases)('$name: goes to its path with every field as the fixture says', (test) => {
    const { endpoint, request } = planned(test)
    expect(endpoint).toBe(test.endpoint)
    expect(named(request)).toEqual(test.body)
  })

  it.each(fixtures.cases.filter((test) => !JSON.stringify(test).includes('cdn.example.com')))('$name: is accepted by the fake, which fetched the video it names', async (test) => {
    const project = { assets: Object.values(images).map((image) => image.asset), elements: [element()] }
    const { readAsset } = imageLibrary(Object.values(images))
    const built = test.clip
      ? await buildRequestBody(clipOf(test.clip), project, readAsset, { imageEncoding: 'raw' })
      : await buildEditBody(editOf(test.edit!), project, readAsset, { imageEncoding: 'raw' })
    const sent = await clientFor(fake, CANARY_KEY).submit(live(built.body))
    const request = fake.submits().at(-1)!
    expect(request.path).toBe(`/vendors/klingai/v1/kling-v3-omni/${test.endpoint}`)
    expect(request.status).toBe(200)
    // A task is read on the path it was made on; another path does not know it.
    expect((await clientFor(fake, CANARY_KEY).getTask(sent.taskId, built.endpoint)).taskId).toBe(sent.taskId)
    const elsewhere = built.endpoint === 'text-to-video/generation' ? 'video-to-video/edit' : 'text-to-video/generation'
    expect((await appErrorOf(() => clientFor(fake, CANARY_KEY).getTask(sent.taskId, elsewhere))).code).toBe('api_not_found')
  })
})
