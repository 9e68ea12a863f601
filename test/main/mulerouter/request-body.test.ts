import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { buildRequestBody, encodeBase64InSlices, encodeImageForRequest } from '../../../src/main/services/mulerouter'
import { CANARY_KEY, appErrorOf, clientFor, decodeBase64, imageLibrary, makeClip, makeElement, makeImage, type TestImage } from './helpers'

let images: TestImage[]
let fake: FakeMuleRouter

beforeAll(async () => {
  images = await Promise.all(Array.from({ length: 24 }, (_, i) => makeImage(i + 1, i % 2 === 0 ? 'png' : 'jpeg')))
})
beforeEach(async () => {
  fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual' })
})
afterEach(() => fake.close())

const image = (i: number): TestImage => {
  const found = images[i]
  if (!found) throw new Error(`no test image ${i}`)
  return found
}

/** Builds the body, sends it over loopback, and returns what the fake received. */
async function sendAndCapture(built: Awaited<ReturnType<typeof buildRequestBody>>) {
  const result = await clientFor(fake, CANARY_KEY).submit(built.body)
  expect(fake.submits()).toHaveLength(1)
  const received = fake.submits()[0]
  expect(received?.status).toBe(200)
  expect(received?.createdTaskId).toBe(result.taskId)
  return received?.body as Record<string, unknown>
}

describe('the text-to-video body the client sends', () => {
  it('sends a single-prompt clip as prompt plus settings and nothing else', async () => {
    const clip = makeClip({ mode: 'std', aspectRatio: '9:16', duration: 8, sound: 'on', negativePrompt: 'blur' })
    const { readAsset, assets } = imageLibrary([])
    const built = await buildRequestBody(clip, { assets, elements: [] }, readAsset, { imageEncoding: 'raw' })
    const received = await sendAndCapture(built)
    expect(received).toStrictEqual({
      prompt: 'A paper boat drifts down a rainy street',
      negative_prompt: 'blur',
      duration: 8,
      mode: 'std',
      aspect_ratio: '9:16',
      sound: 'on',
    })
    expect(built.snapshot).toStrictEqual(received)
    const headers = fake.submits()[0]?.headers
    expect(headers?.['content-type']).toBe('application/json')
    expect(headers?.['user-agent']).toMatch(/^Omniboard\//)
    expect(fake.submits()[0]?.bearerIs(CANARY_KEY)).toBe(true)
  })

  it('sends a 6-shot customized clip as multi_prompt without a prompt', async () => {
    const durations = [1, 2, 3, 2, 1, 3]
    const shots = durations.map((duration, i) => ({ id: `shot_${i}`, prompt: `Shot ${i + 1}: the boat turns`, duration }))
    const clip = makeClip({ multiShot: true, shotType: 'customize', shots, duration: 12, prompt: 'ignored when customizing' })
    const built = await buildRequestBody(clip, { assets: [], elements: [] }, imageLibrary([]).readAsset, { imageEncoding: 'raw' })
    const received = await sendAndCapture(built)
    expect(received).toStrictEqual({
      multi_shot: true,
      shot_type: 'customize',
      multi_prompt: shots.map((shot) => ({ prompt: shot.prompt, duration: shot.duration })),
      duration: 12,
      mode: 'pro',
      aspect_ratio: '16:9',
      sound: 'off',
    })
  })

  it('sends intelligence multi-shot with the prompt', async () => {
    const clip = makeClip({ multiShot: true, shotType: 'intelligence', duration: 10 })
    const built = await buildRequestBody(clip, { assets: [], elements: [] }, imageLibrary([]).readAsset, { imageEncoding: 'raw' })
    const received = await sendAndCapture(built)
    expect(received).toMatchObject({ multi_shot: true, shot_type: 'intelligence', prompt: clip.prompt, duration: 10 })
    expect(received).not.toHaveProperty('multi_prompt')
  })

  it('sends first and last frames and five elements in clip order, as raw base64 of the asset bytes', async () => {
    const first = image(0)
    const last = image(1)
    const elements = Array.from({ length: 5 }, (_, i) => makeElement(`el_${i}`, image(2 + i * 3), [image(3 + i * 3), image(4 + i * 3)].slice(0, 1 + (i % 2))))
    const order = ['el_3', 'el_0', 'el_4', 'el_1', 'el_2']
    const clip = makeClip({ firstFrameAssetId: first.asset.id, lastFrameAssetId: last.asset.id, elementIds: order })
    const library = imageLibrary(images)
    const built = await buildRequestBody(clip, { assets: library.assets, elements }, library.readAsset, { imageEncoding: 'raw' })
    const received = await sendAndCapture(built)

    expect(decodeBase64(received.first_frame).equals(first.bytes)).toBe(true)
    expect(decodeBase64(received.last_frame).equals(last.bytes)).toBe(true)
    const sent = received.elements as { type: string; frontal_image: string; reference_images: string[] }[]
    expect(sent).toHaveLength(5)
    sent.forEach((element, i) => {
      const source = elements.find((candidate) => candidate.id === order[i])
      expect(element.type).toBe('image')
      expect(decodeBase64(element.frontal_image).equals(library.bytesOf(source?.frontalAssetId))).toBe(true)
      expect(element.reference_images.map((value) => decodeBase64(value).toString('hex'))).toStrictEqual(
        source?.referenceAssetIds.map((id) => library.bytesOf(id).toString('hex')),
      )
    })
    expect(built.snapshot.first_frame).toBe(`asset:${first.asset.id}`)
    expect(built.snapshot.elements).toStrictEqual(
      order.map((id) => {
        const source = elements.find((candidate) => candidate.id === id)
        return { type: 'image', frontal_image: `asset:${source?.frontalAssetId}`, reference_images: source?.referenceAssetIds.map((ref) => `asset:${ref}`) }
      }),
    )
  })

  it('sends seven elements without frames', async () => {
    const elements = Array.from({ length: 7 }, (_, i) => makeElement(`el_${i}`, image(i * 3), [image(i * 3 + 1), image(i * 3 + 2)]))
    const clip = makeClip({ elementIds: elements.map((element) => element.id), prompt: '<<<element_1>>> meets <<<element_7>>>' })
    const library = imageLibrary(images)
    const built = await buildRequestBody(clip, { assets: library.assets, elements }, library.readAsset, { imageEncoding: 'raw' })
    const received = await sendAndCapture(built)
    const sent = received.elements as { frontal_image: string; reference_images: string[] }[]
    expect(sent).toHaveLength(7)
    expect(received).not.toHaveProperty('first_frame')
    sent.forEach((element, i) => {
      expect(decodeBase64(element.frontal_image).equals(image(i * 3).bytes)).toBe(true)
      expect(decodeBase64(element.reference_images[1]).equals(image(i * 3 + 2).bytes)).toBe(true)
    })
  })

  it('sends data URIs with the asset mime type when the setting asks for them', async () => {
    const png = image(0)
    const jpeg = image(1)
    const clip = makeClip({ firstFrameAssetId: png.asset.id, lastFrameAssetId: jpeg.asset.id })
    const library = imageLibrary(images)
    const built = await buildRequestBody(clip, { assets: library.assets, elements: [] }, library.readAsset, { imageEncoding: 'dataUri' })
    const received = await sendAndCapture(built)
    expect(received.first_frame).toBe(`data:image/png;base64,${png.bytes.toString('base64')}`)
    expect(received.last_frame).toBe(`data:image/jpeg;base64,${jpeg.bytes.toString('base64')}`)
  })

  it('refuses to build a body the endpoint would reject, and sends nothing', async () => {
    const clip = makeClip({ multiShot: true, shotType: 'customize', duration: 5, shots: [{ id: 's1', prompt: 'one', duration: 3 }] })
    const error = await appErrorOf(() => buildRequestBody(clip, { assets: [], elements: [] }, imageLibrary([]).readAsset, { imageEncoding: 'raw' }))
    expect(error.code).toBe('clip_invalid')
    expect(error.message).toMatch(/add up to 3 s but the clip is 5 s/)
    expect(fake.requests).toHaveLength(0)
  })

  it('refuses an element without a front image', async () => {
    const element = { id: 'el_x', name: 'Hero', frontalAssetId: null, referenceAssetIds: [image(0).asset.id] }
    const clip = makeClip({ elementIds: ['el_x'] })
    const error = await appErrorOf(() => buildRequestBody(clip, { assets: [image(0).asset], elements: [element] }, imageLibrary(images).readAsset, { imageEncoding: 'raw' }))
    expect(error).toMatchObject({ code: 'clip_invalid', message: expect.stringContaining('Hero') })
  })
})

describe('image encoding', () => {
  it('encodes in slices to exactly what Buffer gives in one go, for sizes around the slice boundaries', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 7)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256
    for (const size of [0, 1, 2, 3, 4, 3 * 1024 - 1, 3 * 1024, 3 * 1024 + 1, bytes.length]) {
      const slice = bytes.subarray(0, size)
      expect(await encodeBase64InSlices(slice, 3 * 1024)).toBe(slice.toString('base64'))
    }
    expect(await encodeImageForRequest(bytes, 'image/png', 'raw')).toBe(bytes.toString('base64'))
  })

  it('refuses a slice size that would put padding in the middle', async () => {
    await expect(encodeBase64InSlices(Buffer.alloc(10), 4)).rejects.toThrow(/multiple of 3/)
  })
})
