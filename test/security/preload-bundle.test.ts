import { existsSync, readFileSync } from 'node:fs'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { channelNames, eventNames } from '../../src/shared/ipc/contract'

const bundlePath = 'out/preload/index.cjs'

type Exposed = { name: string; api: unknown }

/** Runs the built preload the way Electron's sandbox does: CommonJS, and `require` knows only `electron`. */
function runPreload() {
  const source = readFileSync(bundlePath, 'utf8')
  const exposed: Exposed[] = []
  const invoked: [string, unknown][] = []
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>()
  const removed: string[] = []
  const required: string[] = []
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void exposed.push({ name, api }) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => void invoked.push([channel, payload]),
      on: (event: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(event, listener),
      removeListener: (event: string) => void removed.push(event),
    },
  }
  const module = { exports: {} }
  const sandbox = {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id)
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`)
      return electron
    },
  }
  vm.runInNewContext(source, sandbox, { filename: bundlePath })
  return { source, exposed, invoked, listeners, removed, required }
}

describe.runIf(existsSync(bundlePath) || process.env['CI'])('the built preload bundle', () => {
  it('requires nothing but electron, with no dynamic require', () => {
    const { source, required } = runPreload()
    const literal = [...source.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2])
    expect(new Set(literal)).toEqual(new Set(['electron']))
    expect(source.match(/\brequire\s*\(/g)?.length).toBe(literal.length)
    expect(new Set(required)).toEqual(new Set(['electron']))
  })

  it('exposes exactly one frozen window.omniboard with one function per contract channel and event', () => {
    const { exposed } = runPreload()
    expect(exposed.map((e) => e.name)).toEqual(['omniboard'])
    const api = exposed[0]!.api as { invoke: Record<string, unknown>; on: Record<string, unknown> }
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.keys(api.invoke).sort()).toEqual([...channelNames].sort())
    expect(Object.keys(api.on).sort()).toEqual([...eventNames].sort())
    for (const part of [api, api.invoke, api.on]) expect(Object.isFrozen(part)).toBe(true)
    for (const fn of [...Object.values(api.invoke), ...Object.values(api.on)]) expect(typeof fn).toBe('function')
  })

  it('forwards calls to their own channel and hands listeners the payload only, never the IPC event', async () => {
    const { exposed, invoked, listeners, removed } = runPreload()
    const api = exposed[0]!.api as {
      invoke: Record<string, (request?: unknown) => Promise<unknown>>
      on: Record<string, (listener: (payload: unknown) => void) => () => void>
    }
    await api.invoke['project:open']!({ path: '/p' })
    await api.invoke['app:info']!()
    expect(invoked).toEqual([
      ['project:open', { path: '/p' }],
      ['app:info', {}],
    ])
    const heard: unknown[] = []
    const stop = api.on['take:updated']!((payload) => heard.push(payload))
    listeners.get('take:updated')!({ sender: 'ipc internals', ports: [] }, { take: 'x' })
    expect(heard).toEqual([{ take: 'x' }])
    stop()
    expect(removed).toEqual(['take:updated'])
  })
})
