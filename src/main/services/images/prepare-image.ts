import sharp from 'sharp'
import { fail, isAppErrorException } from '../../../shared/errors'
import { decodeBmp } from './bmp-decode'
import { describeConversion, neededChanges, type Change } from './conversion-note'
import { encodeToFit, type OutputFormat } from './encode-to-fit'
import { checkMinSide, checkSourceSize, fitsAspect, MAX_INPUT_PIXELS, unreadable } from './image-checks'
import { sniffImageFormat, withArticle, type ImageKind } from './image-format'
import { heicUnreadable, readImageHeader, type ImageHeader } from './image-header'
import { stripJpegMetadata } from './strip-jpeg-metadata'
import { makeThumbnail } from './thumbnail'

export type PreparedImage = {
  /** What is stored as the asset and sent to Kling. */
  bytes: Uint8Array
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  thumbnail: Buffer
  /** null when the file is stored exactly as chosen. */
  conversion: { from: ImageKind; note: string } | null
  /** Outside Kling's 1:2.5–2.5:1: kept only for the crop dialog. */
  fitsAspect: boolean
}

/**
 * Turns what a film maker has — a phone photo, a WebP from the web, an oversize PNG — into an image Kling takes,
 * changing only what must change: an upright, sRGB, metadata-free JPEG or PNG of at most 10 MB. A file that
 * already is one is kept byte for byte; a JPEG that only carries metadata loses it without being re-encoded. What cannot be fixed without asking (too small, not an image,
 * damaged, too many pixels) is refused with the reason.
 */
export async function prepareImage(bytes: Uint8Array): Promise<PreparedImage> {
  if (bytes.byteLength === 0) fail('image_unreadable', 'The file is empty (0 bytes).', 'Choose the image again; the copy may not have finished.')
  checkSourceSize(bytes.byteLength)
  const format = sniffImageFormat(bytes)
  if (!format.readable) {
    const what = format.label === null ? 'This file is not an image Omniboard can read.' : `This is ${withArticle(format.label)} file, not a photo or picture Omniboard can read.`
    fail('image_not_supported', `${what} Omniboard imports JPEG, PNG, WebP, AVIF, GIF, TIFF and BMP.`, 'Save or export it as PNG or JPEG, then import it again.')
  }
  const header = await readImageHeader(bytes, format.kind)
  checkMinSide(header.width, header.height)
  const changes = neededChanges(format.kind, header, bytes.byteLength)
  const fits = fitsAspect(header.width, header.height)
  if (changes.length === 0) {
    const mime = format.kind === 'png' ? 'image/png' : 'image/jpeg'
    return { bytes, mime, width: header.width, height: header.height, thumbnail: await thumbnailOrUnreadable(bytes), conversion: null, fitsAspect: fits }
  }
  if (format.kind === 'jpeg' && changes.every((change) => change === 'metadata')) {
    const stripped = stripJpegMetadata(bytes)
    if (stripped) {
      const conversion = { from: format.kind, note: describeConversion(changes, null) }
      return { bytes: stripped, mime: 'image/jpeg', width: header.width, height: header.height, thumbnail: await thumbnailOrUnreadable(stripped), conversion, fitsAspect: fits }
    }
  }
  return convert(bytes, format.kind, header, changes)
}

async function convert(bytes: Uint8Array, kind: ImageKind, header: ImageHeader, changes: Change[]): Promise<PreparedImage> {
  const pipeline = await uprightSrgb(bytes, kind, header)
  const encoded = await encodeToFit(pipeline, preferredFormat(kind, bytes), header.hasAlpha, header.width, header.height).catch((cause: unknown) =>
    decodeFailure(cause, kind),
  )
  const note = describeConversion(changes, { kind, header, sourceBytes: bytes.byteLength, encoded })
  return {
    bytes: encoded.bytes,
    mime: encoded.format === 'png' ? 'image/png' : 'image/jpeg',
    width: encoded.width,
    height: encoded.height,
    thumbnail: await thumbnailOrUnreadable(encoded.bytes),
    conversion: { from: kind, note },
    fitsAspect: fitsAspect(encoded.width, encoded.height),
  }
}

/**
 * Upright pixels in sRGB and nothing else: sharp converts from an embedded profile and writes no metadata
 * unless asked, so EXIF (location included) stays only in the kept original. The first frame of a GIF or
 * animated WebP is what is read.
 */
async function uprightSrgb(bytes: Uint8Array, kind: ImageKind, header: ImageHeader): Promise<sharp.Sharp> {
  if (header.bmp) {
    const raw = await decodeBmp(bytes, header.bmp)
    if (!raw) return unreadable()
    return sharp(raw.pixels, { raw: { width: raw.width, height: raw.height, channels: raw.channels } }).toColourspace('srgb')
  }
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', pages: 1 })
    .autoOrient()
    .toColourspace('srgb')
}

/** Photos stay JPEG; graphics, scans and anything lossless become PNG so no detail is lost. */
function preferredFormat(kind: ImageKind, bytes: Uint8Array): OutputFormat {
  if (kind === 'jpeg' || kind === 'heic' || kind === 'avif') return 'jpeg'
  if (kind === 'webp') return Buffer.from(bytes.subarray(0, 64)).toString('latin1').includes('VP8L') ? 'png' : 'jpeg'
  return 'png'
}

function decodeFailure(cause: unknown, kind: ImageKind): never {
  if (isAppErrorException(cause)) throw cause
  return kind === 'heic' ? heicUnreadable() : unreadable()
}

async function thumbnailOrUnreadable(bytes: Uint8Array): Promise<Buffer> {
  return makeThumbnail(bytes).catch(() => unreadable())
}
