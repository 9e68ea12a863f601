import type { Settings } from '../../../shared/settings'

export type ImageEncoding = Settings['imageEncoding']

/**
 * 3 MiB of input per slice: a few milliseconds of base64 work, so the main process keeps answering while
 * nine 5 MB images are encoded, yet few enough slices that the joined string stays cheap to flatten when
 * the body is serialized (1 MiB slices made that flattening cost more than the encoding). A multiple of 3
 * so every slice but the last encodes without padding and the slices simply concatenate.
 */
export const ENCODE_SLICE_BYTES = 3 * 1024 * 1024

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export async function encodeBase64InSlices(bytes: Uint8Array, sliceBytes = ENCODE_SLICE_BYTES): Promise<string> {
  if (sliceBytes <= 0 || sliceBytes % 3 !== 0) throw new Error('slice size must be a positive multiple of 3')
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.byteLength <= sliceBytes) return buffer.toString('base64')
  // `+=` makes a rope that V8 flattens once, when the body is serialized; join('') would copy every slice again.
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
 */
export async function encodeImageForRequest(bytes: Uint8Array, mime: string, encoding: ImageEncoding): Promise<string> {
  const base64 = await encodeBase64InSlices(bytes)
  return encoding === 'dataUri' ? `data:${mime};base64,${base64}` : base64
}
