import sharp from 'sharp'

/** Real encoded images made on the spot, so tests exercise the same decoder users' files go through. */
export async function pngOf(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp(noisePixels(width, height, seed), { raw: { width, height, channels: 3 } }).png().toBuffer()
}

export async function jpegOf(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp(noisePixels(width, height, seed), { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()
}

export async function webpOf(width: number, height: number): Promise<Buffer> {
  return sharp(noisePixels(width, height, 1), { raw: { width, height, channels: 3 } }).webp().toBuffer()
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
