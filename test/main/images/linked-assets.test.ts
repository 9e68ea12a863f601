import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { exportHandoff } from '../../../src/main/services/handoff/export-handoff'
import { createCharacterLibrary } from '../../../src/main/services/library/character-library'
import { exportFilm } from '../../../src/main/services/media/export-film'
import { assetReaderFor, buildRequestBody } from '../../../src/main/services/mulerouter/build-request'
import { createProject } from '../../../src/main/services/project/open-project'
import { createElement } from '../../../src/shared/domain/edits'
import { defaultSettings } from '../../../src/shared/settings'
import { appErrorOf } from '../mulerouter/helpers'
import { snapshotFolder, tempDir, testDeps } from '../project/temp-project'
import { pngOf } from './test-images'

const refusal = (promise: Promise<unknown>) => appErrorOf(() => promise)

const expectLinkRefusal = async (promise: Promise<unknown>): Promise<void> =>
  expect(await refusal(promise)).toMatchObject({ code: 'project_unsafe_file', message: expect.stringMatching(/link/) })

/**
 * A project whose first clip's first frame is an image that was imported, then replaced in the folder (as a zip or a
 * shared drive can) by links to a private photo outside the project and its preview. Both are real images, so code
 * that followed the links would succeed and show, print, copy or upload them.
 */
async function projectWithLinkedFrame() {
  const session = await createProject(await tempDir(), 'Linked', testDeps({ autosaveDelayMs: 60_000 }))
  const asset = (await session.importBytes('frame.png', await pngOf(640, 360, 3))).assets[0]!
  const clipId = session.project().clips[0]!.id
  session.applyEdits([{ type: 'setFrame', clipId, slot: 'first', assetId: asset.id }, { type: 'updateClip', clipId, patch: { prompt: 'A harbour at dusk' } }])
  const outside = await tempDir()
  const canary = await pngOf(640, 360, 99)
  await fs.writeFile(path.join(outside, 'private.png'), canary)
  await fs.writeFile(path.join(outside, 'private.webp'), await sharp(canary).webp().toBuffer())
  for (const [file, target] of [[session.assetPath(asset.id), 'private.png'], [session.thumbnailPath(asset.id), 'private.webp']] as const) {
    await fs.rm(file)
    await fs.symlink(path.join(outside, target), file)
  }
  return { session, asset, clipId, outside, before: await snapshotFolder(session.dir) }
}

describe('an image of the project that is a link to a file outside it', () => {
  it('is not cropped: nothing of it lands in assets/', async () => {
    const { session, asset, before } = await projectWithLinkedFrame()
    await expectLinkRefusal(session.cropAsset(asset.id, { x: 0, y: 0, width: 640, height: 360 }))
    expect(session.project().assets).toHaveLength(1)
    expect(await snapshotFolder(session.dir)).toEqual(before)
    await session.close()
  })

  it('is not printed into the storyboard PDF: the export is refused before anything is printed', async () => {
    const { session } = await projectWithLinkedFrame()
    const printed: string[] = []
    const printer = { printHtml: async (html: string) => (printed.push(html), new TextEncoder().encode(html)) }
    const source = { dir: session.dir, project: session.project(), prices: defaultSettings('/tmp').prices }
    await expectLinkRefusal(exportHandoff(source, 'pdf', printer))
    expect(printed).toEqual([])
    expect(await fs.readdir(path.join(session.dir, 'exports')).catch(() => [])).toEqual([])
    await session.close()
  })

  it('is not held as an animatic still in the film', async () => {
    const { session } = await projectWithLinkedFrame()
    const film = exportFilm(session, { includeAnimatic: true }, { now: () => new Date() }, new AbortController().signal, () => undefined)
    await expectLinkRefusal(film)
    expect(await fs.readdir(path.join(session.dir, 'exports')).catch(() => [])).toEqual([])
    await session.close()
  })

  it('is not saved into the character library', async () => {
    const { session, asset } = await projectWithLinkedFrame()
    const libraryDir = await tempDir()
    const library = createCharacterLibrary(libraryDir)
    await expectLinkRefusal(library.save(session, { ...createElement('el1', 'Mara'), frontalAssetId: asset.id }))
    expect(await library.list()).toEqual([])
    expect([...(await snapshotFolder(libraryDir)).keys()]).toEqual([])
    await session.close()
  })

  it('is neither measured nor read for a request, so no byte of it can be uploaded', async () => {
    const { session, asset, clipId } = await projectWithLinkedFrame()
    const reader = assetReaderFor(session)
    const clip = session.project().clips.find((candidate) => candidate.id === clipId)!
    await expectLinkRefusal(buildRequestBody(clip, session.project(), reader, { imageEncoding: 'raw' }))
    await expectLinkRefusal(reader.chunks(asset.id, 64 * 1024)[Symbol.asyncIterator]().next())
    await session.close()
  })
})

describe('an image missing from the project folder', () => {
  it('prints as an empty frame in the storyboard PDF rather than failing it', async () => {
    const session = await createProject(await tempDir(), 'Missing', testDeps({ autosaveDelayMs: 60_000 }))
    const asset = (await session.importBytes('frame.png', await pngOf(640, 360, 3))).assets[0]!
    session.applyEdits([{ type: 'setFrame', clipId: session.project().clips[0]!.id, slot: 'first', assetId: asset.id }])
    await fs.rm(session.thumbnailPath(asset.id))
    const printer = { printHtml: async (html: string) => new TextEncoder().encode(html) }
    const { path: written } = await exportHandoff({ dir: session.dir, project: session.project(), prices: defaultSettings('/tmp').prices }, 'pdf', printer)
    expect(await fs.readFile(written, 'utf8')).toContain('<span class="none">none</span><figcaption>First frame</figcaption>')
    await session.close()
  })
})
