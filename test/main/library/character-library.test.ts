import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createElement } from '../../../src/shared/domain/edits'
import { mediaPaths } from '../../../src/shared/media-paths'
import { startMain, type MainUnderTest } from '../../support/main-under-test'
import { pngOf } from '../images/test-images'

let userDataDir: string
const mains: MainUnderTest[] = []
// startMain's fetch always fails like an unplugged cable: everything here works offline.
const start = async () => {
  const main = await startMain({ userDataDir })
  mains.push(main)
  return main
}

beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'omniboard-library-'))
})
afterEach(async () => {
  for (const main of mains.splice(0)) await main.dispose()
  await rm(userDataDir, { recursive: true, force: true })
})

async function projectWithHero(main: MainUnderTest): Promise<string> {
  await main.call('project:create', { name: 'First film' })
  const front = await main.call('assets:importBytes', { name: 'hero-front.png', bytes: new Uint8Array(await pngOf(400, 600, 1)) })
  const side = await main.call('assets:importBytes', { name: 'hero-side.png', bytes: new Uint8Array(await pngOf(400, 600, 2)) })
  const element = { ...createElement('hero1', 'Mara'), frontalAssetId: front.assets[0]!.id, referenceAssetIds: [side.assets[0]!.id] }
  await main.call('project:edit', { ops: [{ type: 'addElement', element }] })
  return element.id
}

describe('the character library', () => {
  it('keeps a saved character across a restart and inserts it into another project, images copied in', async () => {
    const first = await start()
    const elementId = await projectWithHero(first)
    const saved = await first.call('library:save', { elementId })
    expect(saved).toMatchObject([{ name: 'Mara', references: [{ width: 400, height: 600 }] }])
    await first.dispose()

    const second = await start()
    const [mara] = await second.call('library:list', {})
    expect(mara?.name).toBe('Mara')
    const thumb = await second.media(mediaPaths.libraryThumbnail(mara!.frontal!.id))
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/webp')

    const snapshot = await second.call('project:create', { name: 'Second film' })
    const inserted = await second.call('library:insert', { characterId: mara!.id })
    expect(inserted).toMatchObject({ name: 'Mara', frontalAssetId: mara!.frontal!.id, referenceAssetIds: [mara!.references[0]!.id] })
    const project = (await second.call('project:read', {}))!.project
    expect(project.assets.map((asset) => asset.id).sort()).toEqual([mara!.frontal!.id, mara!.references[0]!.id].sort())
    for (const asset of project.assets) expect(existsSync(join(snapshot.path, 'assets', `${asset.id}.png`))).toBe(true)
  })

  it('serves library thumbnails by listed id only', async () => {
    const main = await start()
    await projectWithHero(main)
    expect((await main.media(mediaPaths.libraryThumbnail('f'.repeat(64)))).status).toBe(404)
    expect((await main.media('library/..%2F..%2Fsettings.json')).status).toBe(404)
  })

  it('replaces a character saved again under the same name, and removes one', async () => {
    const main = await start()
    const elementId = await projectWithHero(main)
    await main.call('library:save', { elementId })
    const again = await main.call('library:save', { elementId })
    expect(again).toHaveLength(1)
    expect(await main.call('library:remove', { characterId: again[0]!.id })).toEqual([])
  })
})
