import { mapImages, type GenerationRequest } from '../main/services/mulerouter/image-fields'

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
export const withShortImages = (body: GenerationRequest): Record<string, unknown> => mapImages(body, shortenImage)
