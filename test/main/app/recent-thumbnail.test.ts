import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOmniboardMain, type OmniboardMain } from '../../../src/main/omniboard-main'
import { appOriginPolicy } from '../../../src/main/ipc/router'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'

const appUrl = 'file:///opt/Omniboard/renderer/index.html'
let root: string
let main: OmniboardMain

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'omniboard-recent-thumb-'))
  main = createOmniboardMain({
    userDataDir: join(root, 'userData'),
    documentsDir: join(root, 'Documents'),
    store: createMemoryStore({ firstStartDone: true }),
    cipher: null,
    appVersion: '0.0.0-test',
    platform: process.platform,
    emit: () => {},
    log: () => {},
    openExternal: async () => {},
    dialogs: { chooseProjectFolder: async () => null, chooseImages: async () => [] },
  })
})
afterEach(async () => {
  await main.dispose()
  await rm(root, { recursive: true, force: true })
})

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string } }
const call = (channel: string, payload: unknown) =>
  main.router(appOriginPolicy([appUrl])).dispatch(channel, payload, { isTopFrame: true, url: appUrl }) as Promise<Reply>

/** Opens the sample, closes it again (as going back to the welcome screen does) and returns its folder. */
async function sampleInRecentList(): Promise<string> {
  const opened = await call('project:openSample', {})
  if (!opened.ok) throw new Error('the sample did not open')
  const { path } = opened.value as { path: string }
  expect(await call('project:close', {})).toEqual({ ok: true, value: { closed: true } })
  return path
}

const isWebp = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP'

describe('thumbnails of recent projects', () => {
  it('serves the thumbnail of a closed recent project', async () => {
    const path = await sampleInRecentList()
    const reply = await call('media:recentThumbnail', { path })
    expect(reply).toMatchObject({ ok: true, value: { mime: 'image/webp' } })
    const { bytes } = (reply as { value: { bytes: Uint8Array } }).value
    expect(isWebp(bytes)).toBe(true)
  })

  it('refuses a folder that is not in the recent list, even a real project folder', async () => {
    const path = await sampleInRecentList()
    expect(await call('project:forgetRecent', { path })).toEqual({ ok: true, value: [] })
    expect(await call('media:recentThumbnail', { path })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call('media:recentThumbnail', { path: join(root, 'Documents') })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('answers null when the recent project’s thumbnail was deleted', async () => {
    const path = await sampleInRecentList()
    const recent = await call('project:recent', {})
    const [entry] = (recent as { value: { path: string; thumbnailAssetId: string }[] }).value
    expect(entry?.path).toBe(path)
    await rm(join(path, 'thumbs', `${entry!.thumbnailAssetId}.webp`))
    expect(await call('media:recentThumbnail', { path })).toEqual({ ok: true, value: null })
  })

  it('answers null when the recent project folder itself is gone', async () => {
    const path = await sampleInRecentList()
    await rm(path, { recursive: true, force: true })
    expect(await call('media:recentThumbnail', { path })).toEqual({ ok: true, value: null })
  })
})
