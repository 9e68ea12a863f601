import { createHash, randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { AssetSchema, ClipSchema, ElementSchema, type Asset, type Clip, type Element } from '../../../src/shared/domain/project'
import { createClip } from '../../../src/shared/domain/create'
import { createMuleRouterClient, type AssetReader, type MuleRouterClient, type RequestBody } from '../../../src/main/services/mulerouter'
import type { GenerationRequest } from '../../../src/main/services/mulerouter/image-fields'
import type { GenerationPath } from '../../../src/shared/domain/video-reference'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import { isAppErrorException, type AppError } from '../../../src/shared/errors'

export const CANARY_KEY = 'sk-CANARY-1234567890abcdef'

export interface TestImage {
  asset: Asset
  bytes: Buffer
}

/** A real, distinct image per seed: the fake checks magic bytes and tests check the round trip. */
export async function makeImage(seed: number, format: 'png' | 'jpeg' = 'png'): Promise<TestImage> {
  const background = { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 151) % 256 }
  const image = sharp({ create: { width: 320, height: 320, channels: 3, background } })
  const bytes = format === 'png' ? await image.png().toBuffer() : await image.jpeg().toBuffer()
  const asset = assetOf(bytes, format, 320, `image-${seed}`)
  return { asset, bytes }
}

function assetOf(bytes: Buffer, format: 'png' | 'jpeg', side: number, name: string): Asset {
  return AssetSchema.parse({
    id: createHash('sha256').update(bytes).digest('hex'),
    mime: format === 'png' ? 'image/png' : 'image/jpeg',
    width: side,
    height: side,
    bytes: bytes.length,
    originalName: `${name}.${format === 'png' ? 'png' : 'jpg'}`,
    importedAt: '2026-01-01T00:00:00.000Z',
  })
}

export function makeClip(overrides: Partial<Clip> = {}): Clip {
  return ClipSchema.parse({
    ...createClip({ mode: 'pro', aspectRatio: '16:9', duration: 5, sound: 'off' }, 'clip_1', 'Paper boat'),
    prompt: 'A paper boat drifts down a rainy street',
    ...overrides,
  })
}

export function makeElement(id: string, frontal: TestImage, references: TestImage[]): Element {
  return ElementSchema.parse({ id, name: `Element ${id}`, frontalAssetId: frontal.asset.id, referenceAssetIds: references.map((r) => r.asset.id) })
}

export function imageLibrary(images: TestImage[]) {
  const byId = new Map(images.map((image) => [image.asset.id, image]))
  return {
    assets: images.map((image) => image.asset),
    bytesOf: (assetId: string | null | undefined): Buffer => byId.get(assetId ?? '')?.bytes ?? Buffer.alloc(0),
    readAsset: {
      size: async (assetId: string) => bytesOf(assetId).length,
      chunks: async function* (assetId: string, chunkBytes: number) {
        const bytes = bytesOf(assetId)
        for (let start = 0; start < bytes.length; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes)
      },
    } satisfies AssetReader,
  }
  function bytesOf(assetId: string): Buffer {
    const image = byId.get(assetId)
    if (!image) throw new Error(`no asset ${assetId}`)
    return image.bytes
  }
}

/** A body without images, sent as it is (not validated: tests send bodies the server must refuse). */
export const bodyOf = (request: GenerationRequest, endpoint: GenerationPath = 'text-to-video/generation'): RequestBody => ({ endpoint, snapshot: request, images: new Map(), encoding: 'raw', reader: imageLibrary([]).readAsset })

export function clientFor(fake: Pick<FakeMuleRouter, 'url'> | { url: string }, key: string | null, timeoutMs = 5000): MuleRouterClient {
  return createMuleRouterClient({ baseUrl: fake.url, apiKey: () => key, timeoutMs, userAgent: 'Omniboard/0.1.0 (test)' })
}

export const decodeBase64 = (value: unknown): Buffer => Buffer.from(String(value), 'base64')

/** Runs `action`, which must throw an AppErrorException, and returns its AppError. */
export async function appErrorOf(action: () => Promise<unknown>): Promise<AppError> {
  try {
    await action()
  } catch (error) {
    if (isAppErrorException(error)) return error.error
    throw error
  }
  throw new Error('expected an AppErrorException, but the action succeeded')
}

/**
 * Bytes of exactly `byteLength` that the fake takes for an image (it checks magic bytes only): for sizes that
 * land on each side of a base64 chunk boundary, which a real encoder would not produce on request.
 */
export function sizedImage(byteLength: number, format: 'png' | 'jpeg' = 'png'): TestImage {
  const magic = format === 'png' ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] : [0xff, 0xd8, 0xff]
  const bytes = randomBytes(byteLength)
  Buffer.from(magic).copy(bytes)
  const asset = assetOf(bytes, format, 1000, `sized-${byteLength}`)
  return { asset, bytes }
}
