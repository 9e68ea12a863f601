import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { nodeDurableFs, type DurableFs } from '../../../src/main/services/disk/atomic-write'
import { createProject } from '../../../src/main/services/project/open-project'
import { snapshotFolder, tempDir, testDeps } from '../project/temp-project'
import { jpegOf, pngOf } from './test-images'

async function openProject() {
  const session = await createProject(await tempDir(), 'Images', testDeps({ autosaveDelayMs: 60_000 }))
  return session
}

/** Writes bytes where a user would pick them from, outside the project. */
async function fileOnDesktop(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(await tempDir(), name)
  await fs.writeFile(file, bytes)
  return file
}

describe('importing images', () => {
  it('stores a PNG and a JPEG under their content hash, with a small WebP thumbnail each', async () => {
    const session = await openProject()
    const png = await pngOf(1280, 720)
    const { assets, rejected } = await session.importFiles([await fileOnDesktop('wide.png', png), await fileOnDesktop('photo.jpeg', await jpegOf(600, 900))])
    expect(rejected).toEqual([])
    expect(assets.map((a) => [a.mime, a.width, a.height, a.originalName])).toEqual([
      ['image/png', 1280, 720, 'wide.png'],
      ['image/jpeg', 600, 900, 'photo.jpeg'],
    ])
    expect(await fs.readFile(session.assetPath(assets[0]!.id))).toEqual(png)
    expect(path.basename(session.assetPath(assets[1]!.id))).toMatch(/^[a-f0-9]{64}\.jpg$/)
    const thumb = await sharp(session.thumbnailPath(assets[0]!.id)).metadata()
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 180])
    const saved = JSON.parse(await fs.readFile(path.join(session.dir, 'project.json'), 'utf8')) as { assets: { id: string }[] }
    expect(saved.assets.map((a) => a.id)).toEqual(assets.map((a) => a.id))
    await session.close()
  })

  it('stores the same image once, however often and under whatever name it is imported', async () => {
    const session = await openProject()
    const bytes = await pngOf(500, 500)
    const first = await session.importBytes('pasted.png', bytes)
    const again = await session.importFiles([await fileOnDesktop('copy.png', bytes), await fileOnDesktop('copy2.png', bytes)])
    expect(again.assets.map((a) => a.id)).toEqual([first.assets[0]!.id])
    expect(again.assets[0]!.originalName).toBe('pasted.png')
    expect(session.project().assets).toHaveLength(1)
    expect(await fs.readdir(path.join(session.dir, 'assets'))).toHaveLength(1)
    expect(await fs.readdir(path.join(session.dir, 'thumbs'))).toHaveLength(1)
    await session.close()
  })

  const truncatedPng = async () => {
    const png = await pngOf(600, 600)
    return png.subarray(0, Math.floor(png.length * 0.6))
  }
  const paddedTo = async (bytes: number) => {
    const png = await pngOf(400, 400)
    return Buffer.concat([png, Buffer.alloc(bytes - png.length)])
  }
  const badImages: { kind: string; name: string; bytes: () => Promise<Uint8Array | string>; code: string; message: RegExp }[] = [
    { kind: 'a text file', name: 'notes.txt', bytes: async () => 'shot list: lighthouse, gulls', code: 'image_not_supported', message: /not an image Omniboard can read/ },
    { kind: 'a text file renamed to .png', name: 'fake.png', bytes: async () => 'definitely not pixels', code: 'image_not_supported', message: /not an image Omniboard can read/ },
    { kind: 'an empty file', name: 'empty.png', bytes: async () => Buffer.alloc(0), code: 'image_unreadable', message: /empty \(0 bytes\)/ },
    { kind: 'a 65 MB file', name: 'huge.png', bytes: () => paddedTo(65 * 1024 * 1024), code: 'image_too_large', message: /65\.0 MB — Omniboard imports images up to 64\.0 MB/ },
    { kind: 'a 299 px image', name: 'small.png', bytes: () => pngOf(299, 400), code: 'image_too_small', message: /299×400 px — Kling needs at least 300 px on each side/ },
    { kind: 'a truncated PNG', name: 'cut.png', bytes: truncatedPng, code: 'image_unreadable', message: /damaged or incomplete/ },
  ]

  for (const bad of badImages) {
    it(`refuses ${bad.kind} with ${bad.code} and leaves the project unchanged`, async () => {
      const session = await openProject()
      await session.importBytes('kept.png', await pngOf(400, 400, 7))
      const before = await snapshotFolder(session.dir)
      const bytes = await bad.bytes()
      const fromFile = await session.importFiles([await fileOnDesktop(bad.name, bytes)])
      const fromBytes = await session.importBytes(bad.name, typeof bytes === 'string' ? Buffer.from(bytes) : bytes)
      for (const outcome of [fromFile, fromBytes]) {
        expect(outcome.assets).toEqual([])
        expect(outcome.rejected).toEqual([{ name: bad.name, error: expect.objectContaining({ code: bad.code, message: expect.stringMatching(bad.message) }) }])
        expect(outcome.rejected[0]!.error.hint.length).toBeGreaterThan(0)
      }
      expect(await snapshotFolder(session.dir)).toEqual(before)
      expect(session.project().assets).toHaveLength(1)
      await session.close()
    })
  }

  it('accepts exactly 300 px and exactly 2.5:1, the edges of what Kling allows', async () => {
    const session = await openProject()
    const { assets, rejected } = await session.importBytes('edge.png', await pngOf(750, 300))
    expect(rejected).toEqual([])
    expect(assets[0]).toMatchObject({ width: 750, height: 300 })
    await session.close()
  })

  it('imports the good files of a mixed batch and names each file it refused', async () => {
    const session = await openProject()
    const outcome = await session.importFiles([
      await fileOnDesktop('good.png', await pngOf(400, 400)),
      await fileOnDesktop('small.png', await pngOf(200, 200)),
      path.join(await tempDir(), 'missing.png'),
    ])
    expect(outcome.assets).toHaveLength(1)
    expect(outcome.rejected.map((r) => [r.name, r.error.code])).toEqual([
      ['small.png', 'image_too_small'],
      ['missing.png', 'image_unreadable'],
    ])
    await session.close()
  })

  it('reads a chosen file through a symlink, but stores a real file inside the project', async () => {
    const session = await openProject()
    const target = await fileOnDesktop('real.png', await pngOf(400, 400))
    const link = path.join(path.dirname(target), 'link.png')
    await fs.symlink(target, link)
    const { assets } = await session.importFiles([link])
    const stored = await fs.lstat(session.assetPath(assets[0]!.id))
    expect(stored.isFile() && !stored.isSymbolicLink()).toBe(true)
    await session.close()
  })
})

describe('importing onto a full disk', () => {
  for (const fullAt of ['assets', 'thumbs']) {
    it(`rejects the image with disk_full and leaves no partial file behind (disk fills at ${fullAt}/)`, async () => {
      let full = false
      const disk: DurableFs = {
        ...nodeDurableFs,
        async createExclusive(filePath) {
          const file = await nodeDurableFs.createExclusive(filePath)
          return {
            ...file,
            write: async (data) => {
              if (full && filePath.includes(`${path.sep}${fullAt}${path.sep}`)) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
              return file.write(data)
            },
          }
        },
      }
      const session = await createProject(await tempDir(), 'Full disk', testDeps({ disk }))
      const before = await snapshotFolder(session.dir)
      full = true
      const { assets, rejected } = await session.importBytes('photo.png', await pngOf(400, 400))
      expect(assets).toEqual([])
      expect(rejected[0]!.error).toMatchObject({ code: 'disk_full', message: expect.stringContaining('disk is full') })
      expect(await snapshotFolder(session.dir)).toEqual(before)
      expect(session.project().assets).toEqual([])
      await session.forceClose()
    })
  }
})
