import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pngOf } from '../main/images/test-images'
import { expectPlainError, snapshotFolder, startMain, type MainUnderTest } from '../support/main-under-test'

let main: MainUnderTest
let outside: string

beforeEach(async () => {
  main = await startMain()
  outside = path.join(main.documentsDir, '..', 'Private')
  await fs.mkdir(outside)
  await fs.writeFile(path.join(outside, 'diary.txt'), 'my secrets')
})
afterEach(() => main.dispose())

type Json = Record<string, unknown> & { clips: Record<string, unknown>[]; assets: Record<string, unknown>[]; takes: unknown[] }

/** A saved and closed project with one image, whose project.json a test then rewrites like another program would. */
async function closedProject(): Promise<{ dir: string; file: string; json: Json }> {
  const { path: dir } = await main.call('project:create', { name: 'Received from a stranger' })
  await main.call('assets:importBytes', { name: 'harbour.png', bytes: new Uint8Array(await pngOf(400, 400, 5)) })
  await main.call('project:close', {})
  const file = path.join(dir, 'project.json')
  return { dir, file, json: JSON.parse(await fs.readFile(file, 'utf8')) as Json }
}

const takeWithFile = (clipId: unknown, fileName: string) => ({
  id: 'take-from-elsewhere',
  clipId,
  status: 'completed',
  request: {},
  taskId: 'task-1',
  remoteStatus: 'completed',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  submittedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:00.000Z',
  error: null,
  files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName, bytes: 10 }],
})

/** Opening must refuse with this error and leave every byte of the folder (and of the folder next to it) alone. */
async function expectOpenRefused(dir: string, code: string, message: RegExp) {
  const before = await snapshotFolder(dir)
  const outsideBefore = await snapshotFolder(outside)
  const error = await main.refusal('project:open', { path: dir })
  expectPlainError(error, code as never, message)
  expect(error.hint).not.toBe('')
  expect(await snapshotFolder(dir)).toEqual(before)
  expect(await snapshotFolder(outside)).toEqual(outsideBefore)
  expect(await main.call('project:read', {})).toBeNull()
}

const rewrite = (file: string, json: unknown) => fs.writeFile(file, typeof json === 'string' ? json : JSON.stringify(json))

describe('project:open refuses a damaged or hostile project.json and leaves the folder byte-identical', () => {
  it('invalid JSON', async () => {
    const { dir, file } = await closedProject()
    await rewrite(file, '{ "schemaVersion": 2, "name": "half a file')
    await expectOpenRefused(dir, 'project_corrupt', /not valid JSON/)
  })

  it('JSON that is not a project object', async () => {
    const { dir, file } = await closedProject()
    await rewrite(file, '[1, 2, 3]')
    await expectOpenRefused(dir, 'project_corrupt', /does not contain a project/)
  })

  it('a newer schema version', async () => {
    const { dir, file, json } = await closedProject()
    await rewrite(file, { ...json, schemaVersion: 99 })
    await expectOpenRefused(dir, 'project_too_new', /newer Omniboard/)
  })

  it('an asset id that climbs out of the folder', async () => {
    const { dir, file, json } = await closedProject()
    json.assets[0]!.id = '../../../Private/diary'
    await rewrite(file, json)
    await expectOpenRefused(dir, 'project_corrupt', /assets\.0\.id/)
  })

  for (const fileName of ['../../Private/diary.txt', '/etc/passwd', '..\\..\\Private\\diary.txt', 'takes/../../x.mp4']) {
    it(`a take file name that points out of the folder (${fileName})`, async () => {
      const { dir, file, json } = await closedProject()
      await rewrite(file, { ...json, takes: [takeWithFile(json.clips[0]!.id, fileName)] })
      await expectOpenRefused(dir, 'project_corrupt', /takes\.0\.files\.0\.fileName/)
    })
  }

  it('an absurdly long project name (5 MB)', async () => {
    const { dir, file, json } = await closedProject()
    await rewrite(file, { ...json, name: 'A'.repeat(5 * 1024 * 1024) })
    await expectOpenRefused(dir, 'project_corrupt', /name: Too big/i)
  })

  it('an absurdly long prompt (2 MB)', async () => {
    const { dir, file, json } = await closedProject()
    json.clips[0]!.prompt = 'storm '.repeat(350_000)
    await rewrite(file, json)
    await expectOpenRefused(dir, 'project_corrupt', /clips\.0\.prompt/)
  })

  it('an absurdly long clip list', async () => {
    const { dir, file, json } = await closedProject()
    await rewrite(file, { ...json, clips: Array.from({ length: 5001 }, (_, i) => ({ ...json.clips[0], id: `c${i}` })) })
    await expectOpenRefused(dir, 'project_corrupt', /clips/)
  })

  for (const subfolder of ['takes', 'thumbs']) {
    it(`${subfolder}/ replaced by a link to another folder`, async () => {
      const { dir } = await closedProject()
      await fs.rm(path.join(dir, subfolder), { recursive: true })
      await fs.symlink(outside, path.join(dir, subfolder))
      await expectOpenRefused(dir, 'project_unsafe_file', new RegExp(`link that leads out of it: ${subfolder} → `))
    })
  }

  it('a path that is not a project at all', async () => {
    await expectOpenRefused(outside, 'project_not_found', /no Omniboard project/)
  })
})

describe('files inside a project that are links to somewhere else are never read', () => {
  it('the media server refuses a take file that is a link out of the project', async () => {
    const { dir, file, json } = await closedProject()
    await rewrite(file, { ...json, takes: [takeWithFile(json.clips[0]!.id, 'take-from-elsewhere-1.mp4')] })
    await fs.symlink(path.join(outside, 'diary.txt'), path.join(dir, 'takes', 'take-from-elsewhere-1.mp4'))
    await main.call('project:open', { path: dir })
    const before = await snapshotFolder(dir)
    const answer = await main.media('take/take-from-elsewhere/0')
    expect(answer.status).toBe(403)
    expect(await answer.text()).not.toContain('my secrets')
    expect(await snapshotFolder(dir)).toEqual(before)
  })

  it.skipIf(process.platform === 'win32')('the media server answers a take that is a FIFO at once, without reading it', async () => {
    const { dir, file, json } = await closedProject()
    await rewrite(file, { ...json, takes: [takeWithFile(json.clips[0]!.id, 'take-from-elsewhere-1.mp4')] })
    execFileSync('mkfifo', [path.join(dir, 'takes', 'take-from-elsewhere-1.mp4')])
    await main.call('project:open', { path: dir })
    const answer = await main.media('take/take-from-elsewhere/0')
    expect(answer.status).toBe(403)
  })

  it('the media server refuses a thumbnail that is a link out of the project', async () => {
    const { dir, json } = await closedProject()
    const assetId = json.assets[0]!.id as string
    const thumb = path.join(dir, 'thumbs', `${assetId}.webp`)
    await fs.rm(thumb)
    await fs.symlink(path.join(outside, 'diary.txt'), thumb)
    await main.call('project:open', { path: dir })
    const answer = await main.media(`thumb/${assetId}`)
    expect(answer.status).toBe(403)
    expect(await answer.text()).not.toContain('my secrets')
    expect(await fs.readFile(path.join(outside, 'diary.txt'), 'utf8')).toBe('my secrets')
  })

  it('generation:start never sends an image that is a link out of the project', async () => {
    const { dir, json } = await closedProject()
    const assetId = json.assets[0]!.id as string
    const elsewhere = path.join(outside, 'private.png')
    await fs.writeFile(elsewhere, await pngOf(500, 500, 11))
    await fs.rm(path.join(dir, 'assets', `${assetId}.png`))
    await fs.symlink(elsewhere, path.join(dir, 'assets', `${assetId}.png`))
    const sent: string[] = []
    // A second window of the app whose network only records what would have been sent.
    const app = await startMain({ fetch: async (input) => (sent.push(String(input)), new Response('{}', { status: 500 })) })
    try {
      await generateFromLinkedImage(app, dir, assetId)
    } finally {
      await app.dispose()
    }
    expect(sent).toEqual([])
  })
})

/** Asks for a take of a clip whose first frame is that image; returns once the engine is done with it. */
async function generateFromLinkedImage(app: MainUnderTest, dir: string, assetId: string) {
  const { project } = await app.call('project:open', { path: dir })
  const clipId = project.clips[0]!.id
  const frame = { type: 'setFrame' as const, clipId, slot: 'first' as const, assetId }
  await app.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'A harbour at dusk' } }, frame] })
  await app.call('settings:setApiKey', { key: 'sk-test-key-for-links' })

  const started = await app.dispatch('generation:start', { clipId, actionId: 'press-linked-image' })
  if (!started.ok) return expectPlainError(started.error, 'project_unsafe_file', /link/)
  const takeId = (started.value as { id: string }).id
  const deadline = Date.now() + 5_000
  for (;;) {
    const take = (await app.call('project:read', {}))!.project.takes.find((t) => t.id === takeId)!
    if (['failed', 'completed', 'cancelled'].includes(take.status)) return expectPlainError(take.error!, 'project_unsafe_file', /link/)
    if (Date.now() > deadline) throw new Error(`take still ${take.status}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
