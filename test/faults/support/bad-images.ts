import sharp from 'sharp'
import { jpegOf, pngOf, webpOf } from '../../main/images/test-images'

export type BadImage = { kind: string; name: string; bytes: () => Promise<Uint8Array>; code: string; message: RegExp }

const text = (value: string) => async () => Buffer.from(value)
const cut = (make: () => Promise<Buffer>, keep: number) => async () => {
  const bytes = await make()
  return bytes.subarray(0, Math.floor(bytes.length * keep))
}
const gifOf = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .gif()
    .toBuffer()
const paddedPng = (total: number) => async () => {
  const png = await pngOf(400, 400)
  return Buffer.concat([png, Buffer.alloc(total - png.length)])
}

/** Files a user really drops by mistake, each with the error and the words they should see. */
export const badImages: BadImage[] = [
  { kind: 'a text file', name: 'shot-list.txt', bytes: text('lighthouse, gulls, storm'), code: 'image_not_supported', message: /not a JPEG or PNG/ },
  { kind: 'a text file renamed to .png', name: 'renamed.png', bytes: text('not pixels at all'), code: 'image_not_supported', message: /not a JPEG or PNG/ },
  { kind: 'a PDF renamed to .jpg', name: 'brief.jpg', bytes: text('%PDF-1.7\n1 0 obj\n'), code: 'image_not_supported', message: /PDF/ },
  { kind: 'a WebP renamed to .png', name: 'web.png', bytes: () => webpOf(400, 400), code: 'image_not_supported', message: /WebP image/ },
  { kind: 'a GIF renamed to .jpeg', name: 'anim.jpeg', bytes: () => gifOf(400, 400), code: 'image_not_supported', message: /GIF image/ },
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
  { kind: 'an 11 MB image', name: 'huge.png', bytes: paddedPng(11 * 1024 * 1024), code: 'image_too_large', message: /11\.0 MB — 1\.0 MB over Kling's 10\.0 MB limit/ },
  { kind: 'a 299 px wide image', name: 'narrow.png', bytes: () => pngOf(299, 600), code: 'image_too_small', message: /299×600 px — Kling needs at least 300 px/ },
  { kind: 'a 299 px tall JPEG', name: 'short.jpg', bytes: () => jpegOf(600, 299), code: 'image_too_small', message: /600×299 px/ },
  { kind: 'a 10:1 panorama', name: 'panorama.jpg', bytes: () => jpegOf(3000, 300), code: 'image_bad_aspect', message: /aspect ratio of 10:1/ },
  { kind: 'a 1:4 strip', name: 'strip.png', bytes: () => pngOf(300, 1200), code: 'image_bad_aspect', message: /aspect ratio of 1:4/ },
]
