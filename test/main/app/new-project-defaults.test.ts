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
  root = await mkdtemp(join(tmpdir(), 'omniboard-defaults-'))
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

const call = (channel: string, payload: unknown) => main.router(appOriginPolicy([appUrl])).dispatch(channel, payload, { isTopFrame: true, url: appUrl })

describe('new project defaults', () => {
  it('starts a new project, and its first clip, from the defaults chosen in settings', async () => {
    const defaults = { mode: 'std', aspectRatio: '9:16', sound: 'on', duration: 8 }
    expect(await call('settings:update', { patch: { defaults } })).toMatchObject({ ok: true })
    const created = await call('project:create', { name: 'Vertical teaser' })
    expect(created).toMatchObject({ ok: true, value: { project: { defaults, clips: [{ mode: 'std', aspectRatio: '9:16', sound: 'on', duration: 8 }] } } })
  })

  it('uses the built-in defaults until the user picks others', async () => {
    const created = await call('project:create', { name: 'Plain' })
    expect(created).toMatchObject({ ok: true, value: { project: { defaults: { mode: 'pro', aspectRatio: '16:9', sound: 'off', duration: 5 } } } })
  })
})
