import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createProject } from '../../../src/main/services/project/open-project'
import { isAppErrorException } from '../../../src/shared/errors'
import { tempDir, testDeps } from '../project/temp-project'

const panorama = () => fs.readFile(path.join(__dirname, '../../fixtures/images/panorama-4x1.png'))
const openProject = async () => createProject(await tempDir(), 'Crops', testDeps({ autosaveDelayMs: 60_000 }))

async function errorOf(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (cause) {
    if (isAppErrorException(cause)) return cause.error
    throw cause
  }
  throw new Error('expected a refusal')
}

describe('an image outside Kling’s shapes', () => {
  it('refuses a 4:1 panorama for slots, but keeps it, flagged unusable, so it can be cropped', async () => {
    const session = await openProject()
    const { assets, rejected } = await session.importBytes('pano.png', await panorama())
    expect(assets).toEqual([])
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.error).toMatchObject({ code: 'image_bad_aspect', message: expect.stringMatching(/1200×300 px, an aspect ratio of 4:1/) })
    expect(rejected[0]!.asset).toMatchObject({ width: 1200, height: 300, usable: false })
    expect(session.project().assets).toEqual([rejected[0]!.asset])
    await session.close()
  })

  it('crops it to 16:9 as a new asset that records the crop, and leaves the panorama as it was', async () => {
    const session = await openProject()
    const { rejected } = await session.importBytes('pano.png', await panorama())
    const source = rejected[0]!.asset!
    const sourceBytes = await fs.readFile(session.assetPath(source.id))
    const crop = { x: 100, y: 0, width: 533, height: 300 }
    const cropped = await session.cropAsset(source.id, crop)
    expect(cropped).toMatchObject({ mime: 'image/png', width: 533, height: 300, derivedFrom: { assetId: source.id, crop }, originalName: 'pano.png' })
    expect(cropped.usable).toBeUndefined()
    const stored = await sharp(session.assetPath(cropped.id)).raw().toBuffer({ resolveWithObject: true })
    expect([stored.info.width, stored.info.height]).toEqual([533, 300])
    // Pixel (0, 0) of the crop is pixel (100, 0) of the panorama: its red top-left quarter.
    expect(stored.data[0]).toBeGreaterThan(180)
    expect(await fs.readFile(session.assetPath(source.id))).toEqual(sourceBytes)
    expect(session.project().assets.map((a) => a.id)).toEqual([source.id, cropped.id])
    const saved = JSON.parse(await fs.readFile(path.join(session.dir, 'project.json'), 'utf8')) as { assets: unknown[] }
    expect(saved.assets).toEqual(session.project().assets)
    expect((await session.cropAsset(source.id, crop)).id).toBe(cropped.id)
    expect(session.project().assets).toHaveLength(2)
    await session.close()
  })

  it('refuses a crop that leaves the image, is below 300 px, or is itself too long', async () => {
    const session = await openProject()
    const source = (await session.importBytes('pano.png', await panorama())).rejected[0]!.asset!
    expect(await errorOf(() => session.cropAsset(source.id, { x: 900, y: 0, width: 400, height: 300 }))).toMatchObject({ code: 'invalid_request' })
    expect(await errorOf(() => session.cropAsset(source.id, { x: 0, y: 0, width: 299, height: 299 }))).toMatchObject({ code: 'image_too_small' })
    expect(await errorOf(() => session.cropAsset(source.id, { x: 0, y: 0, width: 900, height: 300 }))).toMatchObject({ code: 'image_bad_aspect' })
    expect(session.project().assets).toHaveLength(1)
    await session.close()
  })
})
