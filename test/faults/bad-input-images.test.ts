import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngOf } from '../main/images/test-images'
import { badImages } from './support/bad-images'
import { expectPlainError, snapshotFolder, startMain, type MainUnderTest } from '../support/main-under-test'

/** One project for the whole file: every refused import must leave it exactly as it was. */
let main: MainUnderTest
let projectDir: string
let desktop: string

beforeAll(async () => {
  main = await startMain()
  const created = await main.call('project:create', { name: 'Bad input' })
  projectDir = created.path
  await main.call('assets:importBytes', { name: 'kept.png', bytes: new Uint8Array(await pngOf(400, 400, 3)) })
  desktop = path.join(main.documentsDir, '..', 'Desktop')
  await fs.mkdir(desktop)
})
afterAll(() => main.dispose())

async function expectRefusedWithProjectUnchanged(importing: () => Promise<unknown>, name: string, code: string, message: RegExp) {
  const before = await snapshotFolder(projectDir)
  const assetsBefore = (await main.call('project:read', {}))!.project.assets
  const outcome = (await importing()) as { assets: unknown[]; rejected: { name: string; error: never }[] }
  expect(outcome.assets).toEqual([])
  expect(outcome.rejected.map((r) => r.name)).toEqual([name])
  expectPlainError(outcome.rejected[0]!.error, code as never, message)
  expect((outcome.rejected[0]!.error as { hint: string }).hint).not.toBe('')
  expect(await snapshotFolder(projectDir)).toEqual(before)
  expect((await main.call('project:read', {}))!.project.assets).toEqual(assetsBefore)
}

describe('importing a bad image through the IPC contract refuses it in plain words and changes nothing on disk', () => {
  for (const bad of badImages) {
    it(`assets:importFiles refuses ${bad.kind} with ${bad.code}`, async () => {
      const file = path.join(desktop, bad.name)
      await fs.writeFile(file, await bad.bytes())
      await expectRefusedWithProjectUnchanged(() => main.call('assets:importFiles', { paths: [file] }), bad.name, bad.code, bad.message)
    })

    it(`assets:importBytes refuses ${bad.kind} with ${bad.code}`, async () => {
      const bytes = await bad.bytes()
      await expectRefusedWithProjectUnchanged(() => main.call('assets:importBytes', { name: bad.name, bytes: new Uint8Array(bytes) }), bad.name, bad.code, bad.message)
    })
  }

  it('assets:importFiles refuses a folder and a file that is gone, naming each', async () => {
    const gone = path.join(desktop, 'moved-away.png')
    const before = await snapshotFolder(projectDir)
    const outcome = await main.call('assets:importFiles', { paths: [desktop, gone] })
    expect(outcome.rejected.map((r) => [r.name, r.error.code])).toEqual([
      ['Desktop', 'image_unreadable'],
      ['moved-away.png', 'image_unreadable'],
    ])
    expectPlainError(outcome.rejected[1]!.error, 'image_unreadable', /Could not read moved-away\.png/)
    expect(await snapshotFolder(projectDir)).toEqual(before)
  })

  it('assets:importFiles imports the good file of a mixed batch and refuses only the bad one', async () => {
    const good = path.join(desktop, 'good.png')
    const bad = path.join(desktop, 'bad.png')
    await fs.writeFile(good, await pngOf(500, 400, 9))
    await fs.writeFile(bad, 'nope')
    const outcome = await main.call('assets:importFiles', { paths: [bad, good] })
    expect(outcome.assets.map((a) => a.originalName)).toEqual(['good.png'])
    expect(outcome.rejected.map((r) => r.error.code)).toEqual(['image_not_supported'])
    const saved = JSON.parse(await fs.readFile(path.join(projectDir, 'project.json'), 'utf8')) as { assets: { originalName: string }[] }
    expect(saved.assets.map((a) => a.originalName)).toEqual(['kept.png', 'good.png'])
  })
})
