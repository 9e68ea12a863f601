import { randomBytes } from 'node:crypto'
import sharp from 'sharp'

/** Real encoded images made on the spot, so tests exercise the same decoder users' files go through. */
export async function pngOf(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp(noisePixels(width, height, seed), { raw: { width, height, channels: 3 } }).png().toBuffer()
}

export async function jpegOf(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp(noisePixels(width, height, seed), { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()
}

/** Noise does not compress, so cutting the file short really cuts off pixel data. */
function noisePixels(width: number, height: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3)
  let state = (seed * 2654435761 + 12345) >>> 0
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    pixels[i] = state >>> 24
  }
  return pixels
}

/** A 24-bit bottom-up BMP as Windows Paint writes it, of a flat colour (BMP has no compression to hide in). */
export function bmpOf(width: number, height: number, rgb: [number, number, number]): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4
  const file = Buffer.alloc(54 + stride * height)
  file.write('BM', 0, 'latin1')
  file.writeUInt32LE(file.length, 2)
  file.writeUInt32LE(54, 10)
  file.writeUInt32LE(40, 14)
  file.writeInt32LE(width, 18)
  file.writeInt32LE(height, 22)
  file.writeUInt16LE(1, 26)
  file.writeUInt16LE(24, 28)
  for (let row = 0; row < height; row++) for (let x = 0; x < width; x++) file.set([rgb[2], rgb[1], rgb[0]], 54 + row * stride + x * 3)
  return file
}

/** Random pixels do not compress: a PNG of this size is a little over width × height × channels bytes. */
export async function incompressiblePngOf(width: number, height: number, channels: 3 | 4): Promise<Buffer> {
  return sharp(randomBytes(width * height * channels), { raw: { width, height, channels } }).png().toBuffer()
}
