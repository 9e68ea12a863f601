import { apiRules } from '../../../shared/domain/api-rules'
import { appError, fail, type AppError } from '../../../shared/errors'
import { megabytes } from '../../../shared/byte-size'

const rules = apiRules.image

/** Far above Kling's 10 MB so a large scan or phone export can still be fitted, small enough to hold in memory. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024
/**
 * libvips' own default (16383×16383): above it a file is refused from its header, before any pixel is decoded,
 * so a few-KB "decompression bomb" that claims gigapixels cannot exhaust memory.
 */
export const MAX_INPUT_PIXELS = 268_402_689

export function checkSourceSize(bytes: number): void {
  if (bytes <= MAX_SOURCE_BYTES) return
  fail(
    'image_too_large',
    `The file is ${megabytes(bytes)} — Omniboard imports images up to ${megabytes(MAX_SOURCE_BYTES)}.`,
    'Export it smaller (as JPEG, or at a lower resolution), then import it again.',
  )
}

export function checkPixelCount(width: number, height: number): void {
  if (width * height <= MAX_INPUT_PIXELS) return
  fail(
    'image_too_many_pixels',
    `The image says it is ${width}×${height} px (${Math.round((width * height) / 1e6)} megapixels) — too many pixels to open safely (the limit is ${Math.round(MAX_INPUT_PIXELS / 1e6)} megapixels).`,
    'Export it at a lower resolution, then import it again.',
  )
}

/** No upscaling without the user asking: a small image stays refused. */
export function checkMinSide(width: number, height: number): void {
  if (width >= rules.minSidePx && height >= rules.minSidePx) return
  fail(
    'image_too_small',
    `Image is ${width}×${height} px — Kling needs at least ${rules.minSidePx} px on each side.`,
    'Use a larger version of the image.',
  )
}

export const fitsAspect = (width: number, height: number): boolean => {
  const ratio = width / height
  return ratio <= rules.maxAspect && ratio >= 1 / rules.maxAspect
}

export const aspectRefusal = (width: number, height: number): AppError =>
  appError(
    'image_bad_aspect',
    `Image is ${width}×${height} px, an aspect ratio of ${describeRatio(width, height)} — Kling accepts from 1:${rules.maxAspect} to ${rules.maxAspect}:1.`,
    'Crop it: Omniboard keeps it for the crop dialog, and the cropped copy is what Kling gets.',
  )

export const unreadable = (): never =>
  fail('image_unreadable', 'The image is damaged or incomplete and cannot be read.', 'Open it in an image viewer to check it, or export it again.')

function describeRatio(width: number, height: number): string {
  const format = (n: number): string => String(Number(n.toFixed(2)))
  return width >= height ? `${format(width / height)}:1` : `1:${format(height / width)}`
}
