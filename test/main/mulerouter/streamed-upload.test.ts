import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { buildRequestBody, createMuleRouterClient, planBody } from '../../../src/main/services/mulerouter'
import { CHUNK_BYTES } from '../../../src/main/services/mulerouter/stream-body'
import { CANARY_KEY, appErrorOf, decodeBase64, imageLibrary, makeClip, makeElement, sizedImage, type TestImage } from './helpers'

let fake: FakeMuleRouter
beforeEach(async () => {
  fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual' })
})
afterEach(() => fake.close())

const client = (idleTimeoutMs = 5_000) =>
  createMuleRouterClient({ baseUrl: fake.url, apiKey: () => CANARY_KEY, timeoutMs: idleTimeoutMs, idleTimeoutMs, userAgent: 'Omniboard/test' })

/** A clip with a first frame, a last frame and one element of a front and a reference image. */
async function clipWith(images: [TestImage, TestImage, TestImage, TestImage], imageEncoding: 'raw' | 'dataUri' = 'raw') {
  const [first, last, front, reference] = images
  const library = imageLibrary(images)
  const element = makeElement('el_1', front, [reference])
  const clip = makeClip({ firstFrameAssetId: first.asset.id, lastFrameAssetId: last.asset.id, elementIds: [element.id], prompt: 'Hold <<<element_1>>> up' })
  return buildRequestBody(clip, { assets: library.assets, elements: [element] }, library.readAsset, { imageEncoding })
}

/** Four images, each more than one chunk, so every chunk boundary and each padding case is crossed. */
const boundaryImages = (): [TestImage, TestImage, TestImage, TestImage] => [
  sizedImage(2 * CHUNK_BYTES),
  sizedImage(2 * CHUNK_BYTES + 1, 'jpeg'),
  sizedImage(2 * CHUNK_BYTES + 2),
  sizedImage(8, 'jpeg'),
]

describe('a body streamed onto the wire', () => {
  it('arrives as JSON whose base64 decodes to the exact bytes of images of 3n, 3n+1 and 3n+2 bytes', async () => {
    const images = boundaryImages()
    const built = await clipWith(images)
    const result = await client().submit(built.body)
    const [received] = fake.submits()
    expect(received).toMatchObject({ status: 200, createdTaskId: result.taskId })
    const body = received!.body as { first_frame: string; last_frame: string; elements: { frontal_image: string; reference_images: string[] }[] }
    expect(decodeBase64(body.first_frame).equals(images[0].bytes)).toBe(true)
    expect(decodeBase64(body.last_frame).equals(images[1].bytes)).toBe(true)
    expect(decodeBase64(body.elements[0]!.frontal_image).equals(images[2].bytes)).toBe(true)
    expect(decodeBase64(body.elements[0]!.reference_images[0]).equals(images[3].bytes)).toBe(true)
    expect(body.first_frame).toBe(images[0].bytes.toString('base64'))
  })

  it('sends data URIs when that form is chosen, with the same exact bytes', async () => {
    const images = boundaryImages()
    const built = await clipWith(images, 'dataUri')
    await client().submit(built.body)
    const body = fake.submits()[0]!.body as { first_frame: string; last_frame: string }
    expect(body.first_frame).toBe(`data:image/png;base64,${images[0].bytes.toString('base64')}`)
    expect(body.last_frame).toBe(`data:image/jpeg;base64,${images[1].bytes.toString('base64')}`)
  })

  it('declares a Content-Length that is exactly the bytes sent, and reports upload progress up to it', async () => {
    const built = await clipWith(boundaryImages())
    const progress: [number, number][] = []
    await client().submit(built.body, { onUploadProgress: (sent, total) => progress.push([sent, total]) })
    const [received] = fake.submits()
    expect(received!.headers['transfer-encoding']).toBeUndefined()
    expect(received!.headers['content-length']).toBe(String(received!.bodyBytes))
    expect(received!.bodyBytes).toBe(planBody(built.body).contentLength)
    expect(progress.at(-1)).toStrictEqual([received!.bodyBytes, received!.bodyBytes])
    expect(progress.every(([sent], i) => i === 0 || sent >= progress[i - 1]![0])).toBe(true)
  })
})

/** About 9 MB of body: more than the loopback socket buffers hold, so a cut can come before the last byte. */
const bigImages = (): [TestImage, TestImage, TestImage, TestImage] => [sizedImage(2_400_000), sizedImage(2_400_000), sizedImage(1_500_000), sizedImage(600_000)]

describe('where a submission stopped decides what it may have cost', () => {
  it('reports an upload cut off part-way as not sent: the server got no whole body and made no task', async () => {
    fake.failNext('submit', { kind: 'cutUpload', atFraction: 0.25 })
    const error = await appErrorOf(async () => client().submit((await clipWith(bigImages())).body))
    expect(error.code).toBe('upload_interrupted')
    expect(error.message).toMatch(/stopped after [\d.]+ of 8\.[\d] MB/)
    expect(error.message).toContain('Nothing was charged')
    expect(fake.submits()[0]!.bodyCut).toBe(true)
    expect(fake.createdTaskIds()).toHaveLength(0)
  })

  it('keeps a slow upload going past the idle timeout as long as bytes keep moving, reporting progress all along', async () => {
    fake.failNext('submit', { kind: 'throttleUpload', bytesPerSecond: 2_000_000 })
    const built = await clipWith(bigImages())
    const started = Date.now()
    const stamps: number[] = []
    const result = await client(3_000).submit(built.body, { onUploadProgress: () => stamps.push(Date.now()) })
    const answeredAt = Date.now()
    expect(answeredAt - started).toBeGreaterThan(3_000)
    expect(fake.createdTaskIds()).toStrictEqual([result.taskId])
    // From the call to the answer progress keeps coming (four times a second, with room for a loaded machine), also
    // while the OS drains the last megabytes it took long before the server read them (some 2.5 s at this rate).
    const moments = [started, ...stamps, answeredAt]
    const gaps = moments.slice(1).map((at, i) => at - moments[i]!)
    expect(Math.max(...gaps)).toBeLessThan(1_500)
  })

  it('calls a whole body without an answer unknown, because the task may exist', async () => {
    fake.failNext('submit', { kind: 'hang', afterCreate: true })
    const error = await appErrorOf(async () => client(300).submit((await clipWith(bigImages())).body))
    expect(error.code).toBe('submit_outcome_unknown')
    expect(fake.createdTaskIds()).toHaveLength(1)
  })

  it('calls a reset after the whole body was written unknown, not "not sent"', async () => {
    fake.failNext('submit', { kind: 'reset', afterCreate: true })
    const error = await appErrorOf(async () => client().submit((await clipWith(boundaryImages())).body))
    expect(error.code).toBe('submit_outcome_unknown')
    expect(fake.createdTaskIds()).toHaveLength(1)
  })

  it('reports a TLS handshake that never completed as not sent (an https request to a plain-HTTP server)', async () => {
    const tls = createMuleRouterClient({ baseUrl: fake.url.replace('http:', 'https:'), apiKey: () => CANARY_KEY, timeoutMs: 2_000, userAgent: 'Omniboard/test' })
    const error = await appErrorOf(async () => tls.submit((await clipWith(boundaryImages())).body))
    expect(error.code).toBe('network_offline')
    expect(error.message).toContain('Nothing was sent')
    expect(fake.submits()).toHaveLength(0)
  })
})

describe('an image that no longer matches its size', () => {
  it('stops the upload before its last byte, so no task can come of the half-sent body', async () => {
    const images = bigImages()
    const built = await clipWith(images)
    // The file on disk lost its last byte after Content-Length was computed from its size.
    const shrunk = images[2]
    const reader = {
      size: built.body.reader.size,
      chunks: async function* (assetId: string, chunkBytes: number) {
        const bytes = assetId === shrunk.asset.id ? shrunk.bytes.subarray(0, -1) : images.find((image) => image.asset.id === assetId)!.bytes
        for (let start = 0; start < bytes.length; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes)
      },
    }
    const error = await appErrorOf(() => client().submit({ ...built.body, reader }))
    expect(error.code).toBe('project_corrupt')
    expect(fake.createdTaskIds()).toHaveLength(0)
    expect(fake.submits()[0]?.status).toBeUndefined()
  })
})
