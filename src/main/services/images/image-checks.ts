import sharp from 'sharp'
import { apiRules } from '../../../shared/domain/api-rules'
import { fail } from '../../../shared/errors'
import { sniffImageFormat } from './image-format'

export const THUMBNAIL_MAX_SIDE_PX = 320

export type CheckedImage = { mime: 'image/png' | 'image/jpeg'; width: number; height: number; thumbnail: Buffer }

const rules = apiRules.image
const formatHint = 'Save or export it as PNG or JPEG, then import it again.'

/**
 * Checks an image against Kling's limits and decodes it fully while making its thumbnail, so a truncated or
 * damaged file is caught here instead of when a paid request is sent. Throws an AppErrorException saying
 * which limit failed and by how much.
 */
export async function checkImage(bytes: Uint8Array): Promise<CheckedImage> {
  if (bytes.byteLength === 0) fail('image_unreadable', 'The file is empty (0 bytes).', 'Choose the image again; the copy may not have finished.')
  const format = sniffImageFormat(bytes)
  if (!format.supported) {
    const what = format.label === null ? 'This file is not a JPEG or PNG image.' : `This is a ${format.label} image.`
    fail('image_not_supported', `${what} Kling accepts only JPEG and PNG.`, formatHint)
  }
  checkByteSize(bytes.byteLength)
  const { width, height } = await readDimensions(bytes)
  if (width < rules.minSidePx || height < rules.minSidePx) {
    fail(
      'image_too_small',
      `Image is ${width}×${height} px — Kling needs at least ${rules.minSidePx} px on each side.`,
      'Use a larger version of the image.',
    )
  }
  const ratio = width / height
  if (ratio > rules.maxAspect || ratio < 1 / rules.maxAspect) {
    fail(
      'image_bad_aspect',
      `Image is ${width}×${height} px, an aspect ratio of ${describeRatio(width, height)} — Kling accepts from 1:${rules.maxAspect} to ${rules.maxAspect}:1.`,
      'Crop the image closer to its subject, then import it again.',
    )
  }
  return { mime: format.mime, width, height, thumbnail: await makeThumbnail(bytes) }
}

export function checkByteSize(bytes: number): void {
  if (bytes <= rules.maxBytes) return
  fail(
    'image_too_large',
    `Image is ${megabytes(bytes)} — ${megabytes(bytes - rules.maxBytes)} over Kling's ${megabytes(rules.maxBytes)} limit.`,
    'Export it smaller (as JPEG, or at a lower resolution), then import it again.',
  )
}

async function readDimensions(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  try {
    const metadata = await sharp(bytes).metadata()
    // A phone photo stored sideways is shown upright; its upright size is what Kling sees.
    const size = metadata.autoOrient ?? metadata
    if (size.width === undefined || size.height === undefined) throw new Error('no dimensions')
    return { width: size.width, height: size.height }
  } catch {
    return unreadable()
  }
}

async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  try {
    return await sharp(bytes, { failOn: 'truncated' })
      .autoOrient()
      .resize(THUMBNAIL_MAX_SIDE_PX, THUMBNAIL_MAX_SIDE_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer()
  } catch {
    return unreadable()
  }
}

const unreadable = (): never =>
  fail('image_unreadable', 'The image is damaged or incomplete and cannot be read.', 'Open it in an image viewer to check it, or export it again.')

const megabytes = (bytes: number): string =>
  bytes < 100 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`

function describeRatio(width: number, height: number): string {
  const format = (n: number): string => String(Number(n.toFixed(2)))
  return width >= height ? `${format(width / height)}:1` : `1:${format(height / width)}`
}
