import { afterEach, describe, expect, it } from 'vitest'
import { createApiKeyStore } from '../../../src/main/services/secrets/api-key-store'
import { createKeyOriginGuard } from '../../../src/main/services/secrets/key-origin-guard'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

const KEY = 'sk-CANARY-origin-0123456789'
let main: MainUnderTest
afterEach(() => main.dispose())

/** The main process with a recording network: every request that left, with the key it carried. */
async function start(storeValues: Record<string, unknown> = {}, answers: boolean[] = []) {
  const sent: { url: string; authorization: string | null }[] = []
  const asked: { keyOrigin: string; targetOrigin: string }[] = []
  main = await startMain({
    store: createMemoryStore({ firstStartDone: true, ...storeValues }),
    fetch: async (input, init) => {
      sent.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') })
      return new Response(JSON.stringify({ detail: 'no such task' }), { status: 404, headers: { 'content-type': 'application/json' } })
    },
    dialogs: {
      chooseProjectFolder: async () => null,
      chooseImages: async () => [],
      askUnsavedChanges: async () => 'discard',
      askQueueOnClose: async () => 'close',
      confirmKeyOrigin: async (question) => {
        asked.push(question)
        return answers.shift() ?? false
      },
      chooseSavePath: async () => null,
    },
  })
  return { sent, asked }
}

const useCustom = (url: string) => main.dispatch('settings:update', { patch: { baseUrlPreset: 'custom', customBaseUrl: url } })

describe('where the base URL may point', () => {
  it('accepts https anywhere and plain http only on this computer, checked in main', async () => {
    await start()
    for (const url of ['https://proxy.example.com', 'http://127.0.0.1:8787', 'http://127.9.8.7', 'http://localhost:3000', 'http://[::1]:8787']) {
      expect(await useCustom(url), url).toMatchObject({ ok: true })
    }
    for (const url of ['http://example.com', 'http://192.168.1.20:8787', 'http://127.0.0.1.evil.example', 'http://user:pw@localhost', 'ftp://127.0.0.1', 'not a url']) {
      expect(await useCustom(url), url).toMatchObject({ ok: false, error: { code: 'base_url_refused' } })
    }
    expect(await main.call('settings:get', {})).toMatchObject({ customBaseUrl: 'http://[::1]:8787' })
  })

  it('drops a plain-http URL to another host found in the settings store instead of using it', async () => {
    await start({ settings: { baseUrlPreset: 'custom', customBaseUrl: 'http://evil.example', maxConcurrentJobs: 5 } })
    expect(await main.call('settings:get', {})).toMatchObject({ baseUrlPreset: 'mulerouter', customBaseUrl: '', maxConcurrentJobs: 5 })
  })
})

describe('the API key and its origin', () => {
  it('asks before sending the key to another origin; "no" sends nothing and says why', async () => {
    const { sent, asked } = await start({}, [false])
    await useCustom('http://127.0.0.1:8787')
    await main.call('settings:setApiKey', { key: KEY })
    await useCustom('https://other.example')
    const refusal = await main.refusal('settings:testApiKey', {})
    expect(refusal).toMatchObject({ code: 'api_key_origin_refused', message: expect.stringContaining('Nothing was sent') })
    expect(asked).toEqual([{ keyOrigin: 'http://127.0.0.1:8787', targetOrigin: 'https://other.example' }])
    expect(sent).toEqual([])
  })

  it('asks before Generate sends the key to a new origin; "no" journals no take and sends nothing', async () => {
    const { sent, asked } = await start({}, [false])
    await main.call('settings:setApiKey', { key: KEY })
    const opened = await main.call('project:create', { name: 'Origins' })
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId: opened.project.clips[0]!.id, patch: { prompt: 'A kite over the sea' } }] })
    await useCustom('https://other.example')
    expect(await main.refusal('generation:start', { clipId: opened.project.clips[0]!.id, actionId: 'press-origin' })).toMatchObject({ code: 'api_key_origin_refused' })
    expect(asked).toHaveLength(1)
    expect(sent).toEqual([])
    expect((await main.call('project:read', {}))?.project.takes).toEqual([])
  })

  it('"yes" re-binds the key, so the new origin gets it and is not asked about again', async () => {
    const { sent, asked } = await start({}, [true])
    await main.call('settings:setApiKey', { key: KEY })
    await useCustom('https://other.example/v1/')
    expect(await main.call('settings:testApiKey', {})).toEqual({ valid: true })
    expect(await main.call('settings:testApiKey', {})).toEqual({ valid: true })
    expect(asked).toEqual([{ keyOrigin: 'https://api.mulerouter.ai', targetOrigin: 'https://other.example' }])
    expect(sent.map((r) => new URL(r.url).origin)).toEqual(['https://other.example', 'https://other.example'])
    expect(sent[0]!.authorization).toBe(`Bearer ${KEY}`)
  })

  it('binds a new key to the base URL typed in the dialog, and Test key tests that URL, not the saved one', async () => {
    const { sent, asked } = await start()
    await main.call('settings:setApiKey', { key: KEY, baseUrl: 'http://localhost:8787' })
    expect(await main.call('settings:testApiKey', { baseUrl: 'http://localhost:8787/' })).toEqual({ valid: true })
    expect(sent.map((r) => new URL(r.url).origin)).toEqual(['http://localhost:8787'])
    expect(asked).toEqual([])
    expect(await main.refusal('settings:testApiKey', { baseUrl: 'http://example.com' })).toMatchObject({ code: 'base_url_refused' })
    expect(await main.refusal('settings:setApiKey', { key: KEY, baseUrl: 'http://example.com' })).toMatchObject({ code: 'base_url_refused' })
    expect(sent).toHaveLength(1)
  })

  it('refuses to put the key on a request to another origin even where nobody could be asked (polling after a restart)', () => {
    const keys = createApiKeyStore(createMemoryStore(), null)
    keys.set(KEY, false, 'https://api.mulerouter.ai')
    const guard = createKeyOriginGuard(keys, async () => true)
    expect(guard.keyFor('https://api.mulerouter.ai')).toBe(KEY)
    expect(() => guard.keyFor('https://api.mulerun.com')).toThrow(/did not send your API key/)
  })
})
