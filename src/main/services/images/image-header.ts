import sharp from 'sharp'
import { fail } from '../../../shared/errors'
import { readBmpHeader, type BmpHeader } from './bmp-decode'
import { iccProfileName } from './icc-profile'
import { checkPixelCount, unreadable } from './image-checks'
import type { ImageKind } from './image-format'

/** What an image's header says, read without decoding a pixel. Width and height are as the image is shown. */
export type ImageHeader = {
  width: number
  height: number
  /** EXIF orientation, 1 (upright) to 8. */
  orientation: number
  hasAlpha: boolean
  /** EXIF, XMP, IPTC or text chunks: camera, time, often location. */
  hasMetadata: boolean
  /** null without an embedded profile. */
  iccName: string | null
  hasIcc: boolean
  bmp: BmpHeader | null
}

export async function readImageHeader(bytes: Uint8Array, kind: ImageKind): Promise<ImageHeader> {
  if (kind === 'bmp') return bmpHeader(bytes)
  let metadata: sharp.Metadata
  try {
    // No pixel limit here: the header is read to apply our own limit before anything is decoded.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return kind === 'heic' ? heicUnreadable() : unreadable()
  }
  const stored = { width: metadata.width, height: metadata.height }
  if (!stored.width || !stored.height) return unreadable()
  checkPixelCount(stored.width, stored.height)
  const upright = metadata.autoOrient ?? stored
  return {
    width: upright.width,
    height: upright.height,
    orientation: metadata.orientation ?? 1,
    hasAlpha: metadata.hasAlpha,
    hasMetadata: Boolean(metadata.exif ?? metadata.xmp ?? metadata.iptc) || (metadata.comments?.length ?? 0) > 0,
    iccName: metadata.icc ? iccProfileName(metadata.icc) : null,
    hasIcc: metadata.icc !== undefined,
    bmp: null,
  }
}

function bmpHeader(bytes: Uint8Array): ImageHeader {
  const header = readBmpHeader(bytes)
  if (header === 'damaged') return unreadable()
  if (header === 'unsupported') {
    fail(
      'image_not_supported',
      'This BMP is of a kind Omniboard cannot read — only 24- and 32-bit uncompressed BMPs are.',
      'Save or export it as PNG or JPEG, then import it again.',
    )
  }
  checkPixelCount(header.width, header.height)
  const hasAlpha = header.masks !== null && header.masks.alpha !== 0
  return { width: header.width, height: header.height, orientation: 1, hasAlpha, hasMetadata: false, iccName: null, hasIcc: false, bmp: header }
}

/** Phones' HEIC photos are HEVC-coded; the image library built into Omniboard reads HEIF only with AV1 (AVIF). */
export const heicUnreadable = (): never =>
  fail(
    'image_not_supported',
    'This is a HEIC photo, which Omniboard cannot read on this computer (its image library has no HEVC decoder).',
    'Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible), then import it again.',
  )
