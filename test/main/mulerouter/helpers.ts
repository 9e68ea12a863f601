import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { AssetSchema, ClipSchema, ElementSchema, type Asset, type Clip, type Element } from '../../../src/shared/domain/project'
import { createClip } from '../../../src/shared/domain/create'
import { createMuleRouterClient, type MuleRouterClient } from '../../../src/main/services/mulerouter'
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
  const asset = AssetSchema.parse({
    id: createHash('sha256').update(bytes).digest('hex'),
    mime: format === 'png' ? 'image/png' : 'image/jpeg',
    width: 320,
    height: 320,
    bytes: bytes.length,
    originalName: `image-${seed}.${format === 'png' ? 'png' : 'jpg'}`,
    importedAt: '2026-01-01T00:00:00.000Z',
  })
  return { asset, bytes }
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
    readAsset: async (assetId: string) => {
      const image = byId.get(assetId)
      if (!image) throw new Error(`no asset ${assetId}`)
      return image.bytes
    },
  }
}

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
