import { apiRules } from '../../../shared/domain/api-rules'
import type { Encoded } from './encode-to-fit'
import { isSrgbProfileName } from './icc-profile'
import { megabytes } from '../../../shared/byte-size'
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

/**
 * One line for the asset and the import summary, e.g. "converted from WebP; 12.4 MB PNG → 6.1 MB JPEG,
 * 4032×3024 kept". `facts` is null when the image was not re-encoded (only its metadata was cut out).
 */
export function describeConversion(changes: readonly Change[], facts: Facts | null): string {
  const has = (change: Change) => changes.includes(change)
  const parts = [
    facts && has('format') && `converted from ${kindLabels[facts.kind]}`,
    facts && has('orientation') && `turned upright (EXIF orientation ${facts.header.orientation})`,
    facts && has('colour') && `colours converted from ${facts.header.iccName ?? 'its colour profile'} to sRGB`,
    has('metadata') && 'camera data and location removed (kept in the original)',
    facts && (has('size') || facts.encoded.fitted) && sizeNote(facts),
  ].filter((part): part is string => typeof part === 'string')
  return parts.length > 0 ? parts.join('; ') : `re-encoded as ${facts ? kindLabels[facts.encoded.format] : 'JPEG'}`
}

function sizeNote({ kind, header, sourceBytes, encoded }: Facts): string {
  const kept = encoded.width === header.width ? `${encoded.width}×${encoded.height} kept` : `scaled from ${header.width}×${header.height} to ${encoded.width}×${encoded.height}`
  return `${megabytes(sourceBytes)} ${kindLabels[kind]} → ${megabytes(encoded.bytes.byteLength)} ${kindLabels[encoded.format]}, ${kept}`
}
