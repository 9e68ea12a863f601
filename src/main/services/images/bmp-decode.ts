import { yieldToEventLoop } from '../yield-to-event-loop'

/**
 * A small decoder for the BMPs people actually have — 24- and 32-bit uncompressed, as Windows and screen
 * tools write them — because libvips cannot read BMP at all. Palette and RLE files are refused by name.
 */
export type BmpHeader = { width: number; height: number; bitsPerPixel: 24 | 32; topDown: boolean; pixelOffset: number; masks: Masks | null }
type Masks = { red: number; green: number; blue: number; alpha: number }
export type RawImage = { pixels: Buffer; width: number; height: number; channels: 3 | 4 }

const BI_RGB = 0
const BI_BITFIELDS = 3
const BI_ALPHABITFIELDS = 6

/** The header says what the pixels will cost before any are touched, and whether this is a kind we decode. */
export function readBmpHeader(bytes: Uint8Array): BmpHeader | 'unsupported' | 'damaged' {
  if (bytes.length < 54) return 'damaged'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const pixelOffset = view.getUint32(10, true)
  const dibSize = view.getUint32(14, true)
  if (dibSize < 40) return 'unsupported'
  const width = view.getInt32(18, true)
  const rawHeight = view.getInt32(22, true)
  const bitsPerPixel = view.getUint16(28, true)
  const compression = view.getUint32(30, true)
  if (width <= 0 || rawHeight === 0 || rawHeight === -2147483648) return 'damaged'
  if (bitsPerPixel !== 24 && bitsPerPixel !== 32) return 'unsupported'
  let masks: Masks | null = null
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    if (bitsPerPixel !== 32 || bytes.length < 70) return 'unsupported'
    const alpha = compression === BI_ALPHABITFIELDS || dibSize >= 56 ? view.getUint32(66, true) : 0
    masks = { red: view.getUint32(54, true), green: view.getUint32(58, true), blue: view.getUint32(62, true), alpha }
    if (![masks.red, masks.green, masks.blue].every(isByteMask) || (masks.alpha !== 0 && !isByteMask(masks.alpha))) return 'unsupported'
  } else if (compression !== BI_RGB) {
    return 'unsupported'
  }
  return { width, height: Math.abs(rawHeight), bitsPerPixel, topDown: rawHeight < 0, pixelOffset, masks }
}

const isByteMask = (mask: number): boolean => [0xff, 0xff00, 0xff0000, 0xff000000].includes(mask >>> 0)
const shiftOf = (mask: number): number => [0xff, 0xff00, 0xff0000, 0xff000000].indexOf(mask >>> 0) * 8

const ROWS_BETWEEN_YIELDS = 256

/**
 * Decodes after the caller has checked the header's pixel count against its limit. The loop runs on the main
 * process's event loop, so it yields every few hundred rows to keep the window answering on a large file.
 */
export async function decodeBmp(bytes: Uint8Array, header: BmpHeader): Promise<RawImage | null> {
  const { width, height, bitsPerPixel, topDown, pixelOffset, masks } = header
  const bytesPerPixel = bitsPerPixel / 8
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4
  if (pixelOffset + stride * height > bytes.length) return null
  const channels = masks !== null && masks.alpha !== 0 ? 4 : 3
  const pixels = Buffer.alloc(width * height * channels)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let row = 0; row < height; row++) {
    if (row > 0 && row % ROWS_BETWEEN_YIELDS === 0) await yieldToEventLoop()
    const source = pixelOffset + (topDown ? row : height - 1 - row) * stride
    for (let x = 0; x < width; x++) {
      const from = source + x * bytesPerPixel
      const to = (row * width + x) * channels
      if (masks === null) {
        // Uncompressed BMP stores blue, green, red (and an unused byte at 32 bits).
        pixels[to] = bytes[from + 2]!
        pixels[to + 1] = bytes[from + 1]!
        pixels[to + 2] = bytes[from]!
        continue
      }
      const value = view.getUint32(from, true)
      pixels[to] = (value >>> shiftOf(masks.red)) & 0xff
      pixels[to + 1] = (value >>> shiftOf(masks.green)) & 0xff
      pixels[to + 2] = (value >>> shiftOf(masks.blue)) & 0xff
      if (channels === 4) pixels[to + 3] = (value >>> shiftOf(masks.alpha)) & 0xff
    }
  }
  return { pixels, width, height, channels }
}
