import sharp from 'sharp'
import { MAX_INPUT_PIXELS } from './image-checks'

export const THUMBNAIL_MAX_SIDE_PX = 320
/** A 320 px WebP is tens of KB; a "thumbnail" far larger was not made here and is not read. */
export const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024

/** Decodes every pixel, so a truncated or damaged file is caught at import, not when a paid request is sent. */
export function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .resize(THUMBNAIL_MAX_SIDE_PX, THUMBNAIL_MAX_SIDE_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer()
}
