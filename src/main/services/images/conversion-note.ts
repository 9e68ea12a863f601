import { apiRules } from '../../../shared/domain/api-rules'
import type { Encoded } from './encode-to-fit'
import { isSrgbProfileName } from './icc-profile'
import { megabytes } from './image-checks'
import { kindLabels, type ImageKind } from './image-format'
import type { ImageHeader } from './image-header'

export type Change = 'format' | 'orientation' | 'colour' | 'metadata' | 'size'

/** What must change before Kling may see the image; none means it is stored byte for byte as chosen. */
export function neededChanges(kind: ImageKind, header: ImageHeader, byteLength: number): Change[] {
  const changes: Change[] = []
  if (kind !== 'jpeg' && kind !== 'png') changes.push('format')
  if (header.orientation !== 1) changes.push('orientation')
  if (header.hasIcc && !isSrgbProfileName(header.iccName)) changes.push('colour')
  if (header.hasMetadata) changes.push('metadata')
  if (byteLength > apiRules.image.maxBytes) changes.push('size')
  return changes
}

type Facts = { kind: ImageKind; header: ImageHeader; sourceBytes: number; encoded: Encoded }

/** One line for the asset and the import summary, e.g. "converted from WebP; 12.4 MB PNG → 6.1 MB JPEG, 4032×3024 kept". */
export function describeConversion(changes: readonly Change[], { kind, header, sourceBytes, encoded }: Facts): string {
  const parts: string[] = []
  if (changes.includes('format')) parts.push(`converted from ${kindLabels[kind]}`)
  if (changes.includes('orientation')) parts.push(`turned upright (EXIF orientation ${header.orientation})`)
  if (changes.includes('colour')) parts.push(`colours converted from ${header.iccName ?? 'its colour profile'} to sRGB`)
  if (changes.includes('metadata')) parts.push('camera data and location removed (kept in the original)')
  if (changes.includes('size') || encoded.fitted) {
    const kept = encoded.width === header.width ? `${encoded.width}×${encoded.height} kept` : `scaled from ${header.width}×${header.height} to ${encoded.width}×${encoded.height}`
    parts.push(`${megabytes(sourceBytes)} ${kindLabels[kind]} → ${megabytes(encoded.bytes.byteLength)} ${kindLabels[encoded.format]}, ${kept}`)
  }
  if (parts.length === 0) parts.push(`re-encoded as ${kindLabels[encoded.format]}`)
  return parts.join('; ')
}
