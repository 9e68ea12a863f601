import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

let main: MainUnderTest
beforeEach(async () => {
  main = await startMain({ store: createMemoryStore({ firstStartDone: true }) })
})
afterEach(() => main.dispose())

const call = (channel: string, payload: unknown) => main.dispatch(channel, payload)

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
