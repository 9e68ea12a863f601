import { promises as fs } from 'node:fs'
import path from 'node:path'
import { jpegOf, pngOf } from '../../main/images/test-images'

export type BadImage = { kind: string; name: string; bytes: () => Promise<Uint8Array>; code: string; message: RegExp }

const fixture = (name: string) => () => fs.readFile(path.join(__dirname, '../../fixtures/images', name))
const text = (value: string) => async () => Buffer.from(value)
const cut = (make: () => Promise<Buffer>, keep: number) => async () => {
  const bytes = await make()
  return bytes.subarray(0, Math.floor(bytes.length * keep))
}

/** Files a user really drops by mistake, each with the error and the words they should see. */
export const badImages: BadImage[] = [
  { kind: 'a text file', name: 'shot-list.txt', bytes: text('lighthouse, gulls, storm'), code: 'image_not_supported', message: /not an image Omniboard can read/ },
  { kind: 'a text file renamed to .png', name: 'renamed.png', bytes: text('not pixels at all'), code: 'image_not_supported', message: /not an image Omniboard can read/ },
  { kind: 'a PDF renamed to .jpg', name: 'brief.jpg', bytes: text('%PDF-1.7\n1 0 obj\n'), code: 'image_not_supported', message: /PDF/ },
  { kind: 'a 0-byte file', name: 'empty.png', bytes: async () => Buffer.alloc(0), code: 'image_unreadable', message: /empty \(0 bytes\)/ },
  { kind: 'a truncated JPEG', name: 'cut.jpg', bytes: cut(() => jpegOf(800, 600), 0.5), code: 'image_unreadable', message: /damaged or incomplete/ },
  { kind: 'a PNG cut after its header', name: 'header.png', bytes: cut(() => pngOf(800, 600), 0.01), code: 'image_unreadable', message: /damaged or incomplete/ },
  {
    kind: 'a JPEG signature followed by garbage',
    name: 'garbage.jpg',
    bytes: async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 0x41)]),
    code: 'image_unreadable',
    message: /damaged or incomplete/,
  },
  { kind: 'a 299 px wide image', name: 'narrow.png', bytes: () => pngOf(299, 600), code: 'image_too_small', message: /299×600 px — Kling needs at least 300 px/ },
  { kind: 'a 299 px tall JPEG', name: 'short.jpg', bytes: () => jpegOf(600, 299), code: 'image_too_small', message: /600×299 px/ },
  { kind: 'a decompression bomb', name: 'bomb.png', bytes: fixture('bomb-30000px.png'), code: 'image_too_many_pixels', message: /too many pixels to open safely/ },
  { kind: 'a truncated GIF', name: 'cut.gif', bytes: cut(fixture('two-frames.gif'), 0.5), code: 'image_unreadable', message: /damaged or incomplete/ },
  { kind: 'an SVG renamed to .png', name: 'logo.png', bytes: text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), code: 'image_not_supported', message: /This is an SVG file/ },
]
