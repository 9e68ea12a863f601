import type { Settings } from '../../../shared/settings'
import { yieldToEventLoop } from '../yield-to-event-loop'

export type ImageEncoding = Settings['imageEncoding']

/**
 * 3 MiB of input per slice: a few milliseconds of base64 work, so the main process keeps answering while
 * nine 5 MB images are encoded. A multiple of 3 so every slice but the last encodes without padding and
 * the slices simply concatenate.
 */
export const ENCODE_SLICE_BYTES = 3 * 1024 * 1024

export async function encodeBase64InSlices(bytes: Uint8Array, sliceBytes = ENCODE_SLICE_BYTES): Promise<string> {
  if (sliceBytes <= 0 || sliceBytes % 3 !== 0) throw new Error('slice size must be a positive multiple of 3')
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.byteLength <= sliceBytes) return buffer.toString('base64')
  let encoded = ''
  for (let start = 0; start < buffer.byteLength; start += sliceBytes) {
    if (start > 0) await yieldToEventLoop()
    encoded += buffer.subarray(start, start + sliceBytes).toString('base64')
  }
  return encoded
}

/**
 * The one place the image form is decided. Ours: raw base64 by default (Kling's rule on MuleRouter's
 * image-to-video page); `dataUri` for services that want the official client's `data:<mime>;base64,` form.
 * The streamed body writes this prefix, then the base64 of the bytes.
 */
export const imagePrefix = (mime: string, encoding: ImageEncoding): string => (encoding === 'dataUri' ? `data:${mime};base64,` : '')

/** Characters (and, being ASCII, bytes) of an image in the request: known before a byte is read. */
export const encodedImageLength = (byteLength: number, mime: string, encoding: ImageEncoding): number =>
  imagePrefix(mime, encoding).length + 4 * Math.ceil(byteLength / 3)

/** The whole image value as one string: for printing a body (`--dry-run`), never for sending one. */
export async function encodeImageForRequest(bytes: Uint8Array, mime: string, encoding: ImageEncoding): Promise<string> {
  return imagePrefix(mime, encoding) + (await encodeBase64InSlices(bytes))
}
