import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

let main: MainUnderTest
beforeEach(async () => {
  main = await startMain({ store: createMemoryStore({ firstStartDone: true }) })
})
afterEach(() => main.dispose())

const call = (channel: string, payload: unknown) => main.dispatch(channel, payload)

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
    expect(await call('media:recentThumbnail', { path: main.documentsDir })).toMatchObject({ ok: false, error: { code: 'not_found' } })
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
