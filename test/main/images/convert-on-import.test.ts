import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createProject } from '../../../src/main/services/project/open-project'
import { snapshotFolder, tempDir, testDeps } from '../project/temp-project'
import { bmpOf, incompressiblePngOf, pngOf } from './test-images'

const fixture = (name: string) => fs.readFile(path.join(__dirname, '../../fixtures/images', name))
const openProject = async () => createProject(await tempDir(), 'Conversions', testDeps({ autosaveDelayMs: 60_000 }))

/** The stored image's colour at a point, as Kling would decode it. */
async function pixelAt(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at]!, data[at + 1]!, data[at + 2]!]
}
const isRed = (rgb: number[]) => rgb[0]! > 180 && rgb[1]! < 80 && rgb[2]! < 80
const isBlue = (rgb: number[]) => rgb[0]! < 80 && rgb[2]! > 170

describe('importing formats Kling does not take', () => {
  const formats = [
    { file: 'marker.webp', from: 'webp', label: 'WebP', mime: 'image/jpeg', ext: 'webp' },
    { file: 'marker.avif', from: 'avif', label: 'AVIF', mime: 'image/jpeg', ext: 'avif' },
    { file: 'marker.tif', from: 'tiff', label: 'TIFF', mime: 'image/png', ext: 'tif' },
  ] as const
  for (const format of formats) {
    it(`converts ${format.label} to ${format.mime === 'image/png' ? 'PNG' : 'JPEG'}, keeps the original beside it and says so on the asset`, async () => {
      const session = await openProject()
      const original = await fixture(format.file)
      const { assets, rejected } = await session.importBytes(format.file, original)
      expect(rejected).toEqual([])
      const asset = assets[0]!
      expect(asset).toMatchObject({ mime: format.mime, width: 400, height: 300, conversion: { from: format.from, note: `converted from ${format.label}` } })
      const stored = session.assetPath(asset.id)
      expect((await sharp(stored).metadata()).format).toBe(format.mime === 'image/png' ? 'png' : 'jpeg')
      expect(isRed(await pixelAt(stored, 50, 40)) && isBlue(await pixelAt(stored, 350, 260))).toBe(true)
      const kept = path.join(session.dir, 'assets', 'originals', `${createHash('sha256').update(original).digest('hex')}.${format.ext}`)
      expect(asset.conversion!.originalFile).toBe(path.basename(kept))
      expect(await fs.readFile(kept)).toEqual(original)
      const saved = JSON.parse(await fs.readFile(path.join(session.dir, 'project.json'), 'utf8')) as { assets: unknown[] }
      expect(saved.assets).toEqual([asset])
      await session.close()
    })
  }

  it('takes the first frame of an animated GIF, as PNG', async () => {
    const session = await openProject()
    const { assets } = await session.importBytes('loop.gif', await fixture('two-frames.gif'))
    expect(assets[0]).toMatchObject({ mime: 'image/png', width: 400, height: 300, conversion: { from: 'gif', note: 'converted from GIF' } })
    expect(isRed(await pixelAt(session.assetPath(assets[0]!.id), 200, 150))).toBe(true)
    await session.close()
  })

  it('reads an uncompressed 24-bit BMP and stores it as PNG with the same colours', async () => {
    const session = await openProject()
    const { assets, rejected } = await session.importBytes('paint.bmp', bmpOf(401, 300, [10, 200, 30]))
    expect(rejected).toEqual([])
    expect(assets[0]).toMatchObject({ mime: 'image/png', width: 401, height: 300, conversion: { from: 'bmp', note: 'converted from BMP' } })
    expect(await pixelAt(session.assetPath(assets[0]!.id), 400, 299)).toEqual([10, 200, 30])
    await session.close()
  })

  it('stores a converted image once when it is imported again', async () => {
    const session = await openProject()
    const first = await session.importBytes('a.webp', await fixture('marker.webp'))
    const again = await session.importBytes('b.webp', await fixture('marker.webp'))
    expect(again.assets[0]!.id).toBe(first.assets[0]!.id)
    expect(session.project().assets).toHaveLength(1)
    expect(await fs.readdir(path.join(session.dir, 'assets', 'originals'))).toHaveLength(1)
    await session.close()
  })
})

describe('phone photos', () => {
  for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`stores a JPEG with EXIF orientation ${orientation} upright, as the phone showed it`, async () => {
      const session = await openProject()
      const { assets } = await session.importBytes(`IMG_${orientation}.jpg`, await fixture(`orientation-${orientation}.jpg`))
      const asset = assets[0]!
      expect([asset.width, asset.height]).toEqual([400, 300])
      const stored = session.assetPath(asset.id)
      const metadata = await sharp(stored).metadata()
      expect([metadata.width, metadata.height, metadata.orientation ?? 1]).toEqual([400, 300, 1])
      // Only the top-left quarter is red, so any turn or mirror moves red into another corner.
      const corners = await Promise.all([[50, 40], [350, 40], [50, 260], [350, 260]].map(([x, y]) => pixelAt(stored, x!, y!)))
      expect(corners.map(isRed)).toEqual([true, false, false, false])
      if (orientation !== 1) expect(asset.conversion!.note).toContain(`turned upright (EXIF orientation ${orientation})`)
      await session.close()
    })
  }

  it('converts a Display P3 photo to sRGB so its colours look the same to Kling', async () => {
    const session = await openProject()
    const { assets } = await session.importBytes('p3.jpg', await fixture('display-p3.jpg'))
    const stored = session.assetPath(assets[0]!.id)
    expect((await sharp(stored).metadata()).icc).toBeUndefined()
    const [r, g, b] = await pixelAt(stored, 200, 150)
    // (60, 170, 90) in sRGB; the same bytes read without the profile would be about (93, 168, 99).
    expect(Math.abs(r! - 60) + Math.abs(g! - 170) + Math.abs(b! - 90)).toBeLessThanOrEqual(6)
    expect(assets[0]!.conversion!.note).toMatch(/colours converted from .*P3.* to sRGB/)
    await session.close()
  })

  it('removes the location from what is sent, and keeps it in the original', async () => {
    const session = await openProject()
    const photo = await fixture('with-location.jpg')
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const { assets } = await session.importBytes('holiday.jpg', photo)
    const asset = assets[0]!
    const stored = await sharp(session.assetPath(asset.id)).metadata()
    expect([stored.exif, stored.xmp, stored.iptc]).toEqual([undefined, undefined, undefined])
    expect(asset.conversion!.note).toBe('camera data and location removed (kept in the original)')
    const original = await fs.readFile(path.join(session.dir, 'assets', 'originals', asset.conversion!.originalFile))
    expect((await sharp(original).metadata()).exif).toEqual((await sharp(photo).metadata()).exif)
    // Not re-encoded: the metadata is cut out and every pixel is as the camera wrote it.
    expect(await sharp(session.assetPath(asset.id)).raw().toBuffer()).toEqual(await sharp(photo).raw().toBuffer())
    await session.close()
  })

  it('cuts metadata out of a progressive JPEG too, and drops what phones append after the image', async () => {
    const session = await openProject()
    const progressive = await sharp(await fixture('with-location.jpg')).keepExif().jpeg({ progressive: true, quality: 80 }).toBuffer()
    const withTrailer = Buffer.concat([progressive, Buffer.from('SAMSUNG-TRAILER: 48.85N 2.35E')])
    const { assets } = await session.importBytes('trailer.jpg', withTrailer)
    const stored = await fs.readFile(session.assetPath(assets[0]!.id))
    expect(stored.includes(Buffer.from('48.85N'))).toBe(false)
    expect((await sharp(stored).metadata()).exif).toBeUndefined()
    expect(await sharp(stored).raw().toBuffer()).toEqual(await sharp(progressive).raw().toBuffer())
    await session.close()
  })
})

describe('images over 10 MB', () => {
  it('re-encodes a 14 MB PNG as a JPEG under 10 MB at full resolution, and says what it did', async () => {
    const session = await openProject()
    const big = await incompressiblePngOf(2600, 1800, 3)
    expect(big.byteLength).toBeGreaterThan(10 * 1024 * 1024)
    const { assets, rejected } = await session.importBytes('render.png', big)
    expect(rejected).toEqual([])
    const asset = assets[0]!
    expect(asset).toMatchObject({ mime: 'image/jpeg', width: 2600, height: 1800 })
    expect(asset.bytes).toBeLessThanOrEqual(10 * 1024 * 1024)
    expect((await fs.stat(session.assetPath(asset.id))).size).toBe(asset.bytes)
    expect(asset.conversion!.note).toMatch(/^1\d\.\d MB PNG → \d\.\d MB JPEG, 2600×1800 kept$/)
    await session.close()
  })

  it('scales a transparent PNG that cannot become a JPEG down only as far as the limit needs', async () => {
    const session = await openProject()
    const big = await incompressiblePngOf(2000, 1500, 4)
    expect(big.byteLength).toBeGreaterThan(10 * 1024 * 1024)
    const { assets } = await session.importBytes('overlay.png', big)
    const asset = assets[0]!
    expect(asset.mime).toBe('image/png')
    expect(asset.bytes).toBeLessThanOrEqual(10 * 1024 * 1024)
    // Bytes grow with pixels, so the largest size that fits is a little under sqrt(10 / 11.4) of each side.
    expect(asset.width).toBeGreaterThan(1700)
    expect(asset.width / asset.height).toBeCloseTo(2000 / 1500, 2)
    expect(asset.conversion!.note).toMatch(/PNG → \d\.\d MB PNG, scaled from 2000×1500 to \d+×\d+/)
    await session.close()
  })
})

describe('what still cannot be fixed', () => {
  const refused = [
    { kind: 'a decompression bomb (30000×30000 px in 2 KB)', name: 'bomb.png', bytes: () => fixture('bomb-30000px.png'), code: 'image_too_many_pixels', message: /30000×30000 px \(900 megapixels\) — too many pixels to open safely/ },
    { kind: 'an SVG', name: 'logo.svg', bytes: async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), code: 'image_not_supported', message: /This is an SVG file/ },
    { kind: 'a truncated WebP', name: 'cut.webp', bytes: async () => (await fixture('marker.webp')).subarray(0, 200), code: 'image_unreadable', message: /damaged or incomplete/ },
    { kind: 'a text file renamed .webp', name: 'notes.webp', bytes: async () => Buffer.from('not an image'), code: 'image_not_supported', message: /not an image Omniboard can read/ },
    { kind: 'a 299 px WebP (no upscaling)', name: 'small.webp', bytes: () => sharp(Buffer.alloc(299 * 400 * 3, 90), { raw: { width: 299, height: 400, channels: 3 } }).webp().toBuffer(), code: 'image_too_small', message: /299×400 px/ },
    { kind: 'a HEIC photo this computer cannot decode', name: 'IMG_0001.HEIC', bytes: async () => heicLike(), code: 'image_not_supported', message: /HEIC photo, which Omniboard cannot read on this computer/ },
    { kind: 'a 16-bit palette BMP', name: 'old.bmp', bytes: async () => withBitsPerPixel(bmpOf(400, 300, [1, 2, 3]), 8), code: 'image_not_supported', message: /only 24- and 32-bit uncompressed BMPs/ },
  ]
  for (const bad of refused) {
    it(`refuses ${bad.kind} with ${bad.code} and leaves the project unchanged`, async () => {
      const session = await openProject()
      await session.importBytes('kept.png', await pngOf(400, 400, 7))
      const before = await snapshotFolder(session.dir)
      const outcome = await session.importBytes(bad.name, await bad.bytes())
      expect(outcome.assets).toEqual([])
      expect(outcome.rejected).toEqual([{ name: bad.name, error: expect.objectContaining({ code: bad.code, message: expect.stringMatching(bad.message) }) }])
      expect(await snapshotFolder(session.dir)).toEqual(before)
      expect(session.project().assets).toHaveLength(1)
      await session.close()
    })
  }
})

/** An ISO-BMFF file branded as an iPhone's HEIC, whose coded image this build of the image library cannot read. */
function heicLike(): Buffer {
  const ftyp = Buffer.alloc(24)
  ftyp.writeUInt32BE(24, 0)
  ftyp.write('ftypheic', 4, 'latin1')
  ftyp.write('mif1heic', 16, 'latin1')
  return Buffer.concat([ftyp, Buffer.alloc(2000, 7)])
}

function withBitsPerPixel(bmp: Buffer, bits: number): Buffer {
  const copy = Buffer.from(bmp)
  copy.writeUInt16LE(bits, 28)
  return copy
}
