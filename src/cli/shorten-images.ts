import type { TextToVideoRequest } from '../main/services/mulerouter/request-schema'

const KEEP_CHARS = 8
const DATA_URI_PREFIX = /^(data:[^;,]+;base64,)/

/** `iVBORw0K…(123456 chars)`: enough to recognise the image form without flooding the terminal. */
export function shortenImage(value: string): string {
  const prefix = DATA_URI_PREFIX.exec(value)?.[1] ?? ''
  const payload = value.slice(prefix.length)
  if (payload.length <= KEEP_CHARS * 2) return value
  return `${prefix}${payload.slice(0, KEEP_CHARS)}…(${payload.length} chars)`
}

/** The body with every image field shortened; prompts and other fields stay exactly as sent. */
export function withShortImages(body: TextToVideoRequest): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body }
  if (body.first_frame !== undefined) out.first_frame = shortenImage(body.first_frame)
  if (body.last_frame !== undefined) out.last_frame = shortenImage(body.last_frame)
  if (body.elements !== undefined) {
    out.elements = body.elements.map((element) => ({
      ...element,
      frontal_image: shortenImage(element.frontal_image),
      reference_images: element.reference_images.map(shortenImage),
    }))
  }
  return out
}
