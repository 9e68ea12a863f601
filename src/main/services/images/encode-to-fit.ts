import type sharp from 'sharp'
import { apiRules } from '../../../shared/domain/api-rules'
import { fail } from '../../../shared/errors'
import { megabytes } from '../../../shared/byte-size'

export type OutputFormat = 'png' | 'jpeg'
/** `fitted`: the first, preferred encoding was over the limit, so the format, quality or size was changed. */
export type Encoded = { bytes: Buffer; format: OutputFormat; width: number; height: number; fitted: boolean }

const rules = apiRules.image
/** Visually lossless for photos; lower steps are tried only when the file would not fit otherwise. */
export const JPEG_QUALITY = 92
const FALLBACK_QUALITIES = [85, 78]
const SCALE_MARGIN = 0.95
const MAX_SCALE_STEPS = 8

/**
 * Encodes the upright, sRGB pixels of `pipeline` as Kling takes them: first in the preferred format, then (when
 * that is over 10 MB) as JPEG at full resolution, and only then smaller, each step sized from the last
 * attempt so as much resolution as the limit allows is kept. Images with transparency stay PNG.
 */
export async function encodeToFit(pipeline: sharp.Sharp, preferred: OutputFormat, hasAlpha: boolean, width: number, height: number): Promise<Encoded> {
  const format: OutputFormat = hasAlpha ? 'png' : preferred
  let attempt = await encode(pipeline, format, width, height, JPEG_QUALITY)
  if (fits(attempt)) return attempt
  if (!hasAlpha) {
    for (const quality of format === 'png' ? [JPEG_QUALITY, ...FALLBACK_QUALITIES] : FALLBACK_QUALITIES) {
      attempt = await encode(pipeline, 'jpeg', width, height, quality)
      if (fits(attempt)) return { ...attempt, fitted: true }
    }
  }
  for (let step = 0; step < MAX_SCALE_STEPS; step++) {
    const scale = Math.sqrt(rules.maxBytes / attempt.bytes.byteLength) * SCALE_MARGIN * (attempt.width / width)
    const smaller = { width: Math.floor(width * scale), height: Math.floor(height * scale) }
    if (Math.min(smaller.width, smaller.height) < rules.minSidePx) break
    attempt = await encode(pipeline, attempt.format, smaller.width, smaller.height, FALLBACK_QUALITIES.at(-1)!, true)
    if (fits(attempt)) return { ...attempt, fitted: true }
  }
  return fail(
    'image_too_large',
    `The image cannot be made to fit Kling's ${megabytes(rules.maxBytes)} limit without going below ${rules.minSidePx} px a side.`,
    'Export it smaller, then import it again.',
  )
}

const fits = (encoded: Encoded): boolean => encoded.bytes.byteLength <= rules.maxBytes

async function encode(pipeline: sharp.Sharp, format: OutputFormat, width: number, height: number, quality: number, scaled = false): Promise<Encoded> {
  const sized = pipeline.clone()
  if (scaled) sized.resize(width, height, { fit: 'fill' })
  const bytes = await (format === 'png' ? sized.png({ compressionLevel: 6 }) : sized.jpeg({ quality })).toBuffer()
  return { bytes, format, width, height, fitted: false }
}
