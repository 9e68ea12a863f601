import { randomUUID } from 'node:crypto'
import { fail } from '../../../shared/errors'
import { ENCODE_SLICE_BYTES, encodeImageForRequest, encodedImageLength, imagePrefix, type ImageEncoding } from './encode-image'
import type { GenerationPath } from '../../../shared/domain/video-reference'
import { mapImages, type GenerationRequest } from './image-fields'

/** Where image bytes come from: the project's `assets/`, or memory in tests. */
export interface AssetReader {
  /** Byte length of the stored image, learnt without reading it, so Content-Length is known up front. */
  size(assetId: string): Promise<number>
  /** The bytes in order, in chunks of exactly `chunkBytes` but the last; a chunk may be reused once the next is asked for. */
  chunks(assetId: string, chunkBytes: number): AsyncIterable<Uint8Array>
}

export interface BodyImage {
  assetId: string
  mime: string
  byteLength: number
}

/**
 * A request body that is never held whole: the validated body with every image as `asset:<id>` (exactly what
 * the take records), and what is needed to stream each image's base64 into the request when it is sent.
 */
export interface RequestBody {
  /** The path it is POSTed to. */
  endpoint: GenerationPath
  snapshot: GenerationRequest
  images: ReadonlyMap<string, BodyImage>
  encoding: ImageEncoding
  reader: AssetReader
}

export type BodyPart = { kind: 'text'; bytes: Buffer } | { kind: 'image'; image: BodyImage; prefix: string }

export interface BodyPlan {
  parts: BodyPart[]
  /** Exact: the server can tell a body cut short from a whole one, which is what makes "not sent" provable. */
  contentLength: number
}

const ASSET_REF = /^asset:([a-f0-9]{64})$/

export function assetIdOf(value: string): string {
  const assetId = ASSET_REF.exec(value)?.[1]
  if (!assetId) fail('clip_invalid', 'The request this take recorded can no longer be sent as it is.', 'Generate the clip again from the editor.')
  return assetId
}

function imageOf(body: RequestBody, ref: string): BodyImage {
  const image = body.images.get(assetIdOf(ref))
  if (!image) fail('clip_invalid', 'An image this take used is no longer in the project.', 'Generate the clip again from the editor.')
  return image
}

/** The JSON skeleton as bytes, with a slot for each image between them, and the body's exact length. */
export function planBody(body: RequestBody): BodyPlan {
  const marker = `omniboard-image-${randomUUID()}`
  const slots: BodyImage[] = []
  const marked = mapImages(body.snapshot, (ref) => {
    slots.push(imageOf(body, ref))
    return `${marker}:${slots.length - 1}`
  })
  // Splitting on a capture group alternates skeleton text and the index of an image slot.
  const split = JSON.stringify(marked).split(new RegExp(`"${marker}:(\\d+)"`))
  const parts: BodyPart[] = []
  let contentLength = 0
  split.forEach((text, i) => {
    if (i % 2 === 0) {
      const bytes = Buffer.from(text, 'utf8')
      contentLength += bytes.byteLength
      parts.push({ kind: 'text', bytes })
      return
    }
    const image = slots[Number(text)]!
    contentLength += 2 + encodedImageLength(image.byteLength, image.mime, body.encoding)
    parts.push({ kind: 'text', bytes: Buffer.from('"') }, { kind: 'image', image, prefix: imagePrefix(image.mime, body.encoding) }, { kind: 'text', bytes: Buffer.from('"') })
  })
  return { parts, contentLength }
}

/**
 * An image's bytes in chunks, refused the moment they stop matching the size Content-Length was computed from:
 * before any byte beyond it is handed on, and before the last one when the file came up short.
 */
export async function* imageChunks(reader: AssetReader, image: BodyImage, chunkBytes: number): AsyncGenerator<Uint8Array> {
  let seen = 0
  for await (const chunk of reader.chunks(image.assetId, chunkBytes)) {
    seen += chunk.byteLength
    if (seen > image.byteLength) break
    yield chunk
  }
  // The closing quote is still to come, so even a file that grew is caught before the body's last byte.
  if (seen !== image.byteLength) {
    fail('project_corrupt', 'An image changed in the project folder while its clip was being sent.', 'Import the image again, then generate again.')
  }
}

/** The body with every image as its full string: for printing it (`--dry-run --full`), never for sending it. */
export async function materializeBody(body: RequestBody): Promise<GenerationRequest> {
  const encoded = new Map<string, string>()
  for (const image of body.images.values()) {
    const parts: Buffer[] = []
    for await (const chunk of imageChunks(body.reader, image, ENCODE_SLICE_BYTES)) parts.push(Buffer.from(chunk))
    encoded.set(image.assetId, await encodeImageForRequest(Buffer.concat(parts), image.mime, body.encoding))
  }
  return mapImages(body.snapshot, (ref) => encoded.get(assetIdOf(ref)) ?? '')
}
