import { describe, expect, it } from 'vitest'
import { appOriginPolicy, createRouter, type Handlers } from '../../../src/main/ipc/router'
import { channelNames, contract } from '../../../src/shared/ipc/contract'
import { fail } from '../../../src/shared/errors'

const appUrl = 'file:///Applications/Omniboard.app/renderer/index.html'
const ownFrame = { isTopFrame: true, url: appUrl }

const routerHandlers = () => Object.fromEntries(channelNames.map((name) => [name, async () => ({})])) as unknown as Handlers

function routerWith(overrides: Partial<Handlers>) {
  return createRouter({ ...routerHandlers(), ...overrides }, appOriginPolicy(['file:///Applications/Omniboard.app/renderer/']))
}

describe('IPC router', () => {
  it('passes a parsed payload to the handler and returns its value', async () => {
    const router = routerWith({ 'project:open': async ({ path }) => ({ path, project: undefined as never, revision: 7 }) })
    const reply = await router.dispatch('project:open', { path: '/tmp/Film.omniboard' }, ownFrame)
    expect(reply).toEqual({ ok: true, value: { path: '/tmp/Film.omniboard', project: undefined, revision: 7 } })
  })

  it('rejects a malformed payload with a typed error and never calls the handler', async () => {
    let called = false
    const router = routerWith({ 'project:open': async () => ((called = true), undefined as never) })
    const reply = await router.dispatch('project:open', { path: 42 }, ownFrame)
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(called).toBe(false)
  })

  it('rejects unknown fields instead of passing them through', async () => {
    const reply = await routerWith({}).dispatch('project:close', { evil: true }, ownFrame)
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
  })

  it('rejects calls from a sub-frame or a foreign page', async () => {
    const router = routerWith({})
    expect(await router.dispatch('app:info', {}, { isTopFrame: false, url: appUrl })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    expect(await router.dispatch('app:info', {}, { isTopFrame: true, url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    })
  })

  it('accepts the dev server only on its own origin, not on a look-alike port or host', async () => {
    const router = createRouter(routerHandlers(), appOriginPolicy(['http://localhost:5173']))
    expect(await router.dispatch('app:info', {}, { isTopFrame: true, url: 'http://localhost:5173/index.html' })).toMatchObject({ ok: true })
    for (const url of ['http://localhost:51730/', 'http://localhost:5173.evil.example/', 'https://localhost:5173/']) {
      expect(await router.dispatch('app:info', {}, { isTopFrame: true, url })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    }
  })

  it('rejects channels that are not in the contract', async () => {
    const reply = await routerWith({}).dispatch('shell:exec', {}, ownFrame)
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
  })

  it('returns a thrown AppError as a value and hides unexpected errors behind a plain message', async () => {
    const router = routerWith({
      'project:saveNow': async () => fail('disk_full', 'The disk is full.', 'Free some space.'),
      'project:recent': async () => {
        throw new Error('secret internals at /home/me')
      },
    })
    expect(await router.dispatch('project:saveNow', {}, ownFrame)).toEqual({
      ok: false,
      error: { code: 'disk_full', message: 'The disk is full.', hint: 'Free some space.' },
    })
    const hidden = await router.dispatch('project:recent', {}, ownFrame)
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(hidden)).not.toContain('/home/me')
  })

  it('declares a request and a response schema for every channel', () => {
    for (const name of channelNames) {
      expect(contract[name].request.safeParse).toBeTypeOf('function')
      expect(contract[name].response.safeParse).toBeTypeOf('function')
    }
  })
})
