import { randomBytes, randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../src/fake-mulerouter'
import type { KeyCipher } from '../../src/main/services/secrets/api-key-store'
import { createMemoryStore, type KeyValueStore } from '../../src/main/services/settings/key-value-store'
import { newId } from '../../src/shared/domain/ids'
import { finalTakeStatuses, type Take } from '../../src/shared/domain/project'
import { pngOf } from '../main/images/test-images'
import { startMain, type MainUnderTest } from '../support/main-under-test'

const KEY = `sk-CANARY-${randomBytes(18).toString('hex')}`
const OTHER_KEY = `sk-CANARY-other-${randomBytes(8).toString('hex')}`
/** Forms a leak could take besides the plain text. */
const leakForms = (key: string) => [key, Buffer.from(key).toString('base64'), Buffer.from(key).toString('hex'), encodeURIComponent(key)]

/** A strong keyring stand-in: reversible, but its output never contains the plain key. */
const strongCipher: KeyCipher = {
  isEncryptionAvailable: () => true,
  isStrong: () => true,
  encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0xa5)),
  decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0xa5)).toString(),
}

/** The in-memory settings store, remembering every value ever written to it (not only the last). */
function recordingStore(): KeyValueStore & { history: unknown[] } {
  const store = createMemoryStore()
  const history: unknown[] = []
  return { ...store, history, set: (key, value) => (history.push({ key, value }), store.set(key, value)) }
}

let fake: FakeMuleRouter
let main: MainUnderTest
let store: ReturnType<typeof recordingStore>
let projectDir: string
let clipIds: string[]

async function filesUnder(dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
  return Promise.all(files.map(async (file) => ({ name: path.relative(dir, file), bytes: await fs.readFile(file) })))
}

/** Starts a take on a clip and waits until the engine is done with it, returning the take as the window sees it. */
async function generate(clipId: string): Promise<Take> {
  const started = await main.call('generation:start', { clipId, actionId: newId() })
  return settle(started.id)
}

async function settle(takeId: string): Promise<Take> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const take = (await main.call('project:read', {}))!.project.takes.find((t) => t.id === takeId)!
    if (finalTakeStatuses.includes(take.status) || take.status === 'submit_unknown') return take
    if (Date.now() > deadline) throw new Error(`take ${takeId} still ${take.status}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

beforeAll(async () => {
  fake = await startFakeMuleRouter({ keys: [KEY], pendingMs: 20, processingMs: 30 })
  store = recordingStore()
  main = await startMain({
    store,
    cipher: strongCipher,
    fetch: (input, init) => fetch(input, init),
    sessionDeps: { now: () => new Date(), newId: () => randomUUID(), autosaveDelayMs: 5 },
    generationTiming: { firstPollMs: 10, pollBackoff: 1.5, maxPollMs: 40, submitRetryDelaysMs: [10, 20], downloadRetryDelaysMs: [10, 20], progressThrottleMs: 0 },
  })
  await main.call('settings:update', { patch: { baseUrlPreset: 'custom', customBaseUrl: fake.url, requestTimeoutMs: 2_000 } })
  const created = await main.call('project:create', { name: 'Canary' })
  projectDir = created.path
  const image = await main.call('assets:importBytes', { name: 'harbour.png', bytes: new Uint8Array(await pngOf(640, 360, 2)) })
  const first = created.project.clips[0]!.id
  const addClip = (id: string) => ({ type: 'addClip' as const, clip: { ...created.project.clips[0]!, id, prompt: `Shot ${id} of a harbour at dusk` } })
  await main.call('project:edit', {
    ops: [
      { type: 'updateClip', clipId: first, patch: { prompt: 'A red kite over a grey sea', duration: 5 } },
      { type: 'setFrame', clipId: first, slot: 'first', assetId: image.assets[0]!.id },
      ...['c2', 'c3', 'c4', 'c5', 'c6'].map(addClip),
    ],
  })
  clipIds = [first, 'c2', 'c3', 'c4', 'c5', 'c6']
})
afterAll(async () => {
  await main.dispose()
  await fake.close()
})

describe('the API key canary, through the whole flow and its errors', () => {
  it('is stored encrypted and only ever reported as "set"', async () => {
    const view = await main.call('settings:setApiKey', { key: KEY })
    expect(view).toMatchObject({ hasApiKey: true, keyStorage: 'encrypted' })
    expect(await main.call('settings:get', {})).toMatchObject({ hasApiKey: true })
    expect(await main.call('settings:testApiKey', {})).toEqual({ valid: true })
  })

  it('generates a take with an image, and the key went only to MuleRouter in the Authorization header', async () => {
    expect(await generate(clipIds[0]!)).toMatchObject({ status: 'completed', error: null })
    const submit = fake.submits().at(-1)!
    expect(submit.auth).toBe('accepted')
    expect(JSON.stringify(submit.body)).not.toContain(KEY)
  })

  it('survives server errors that echo the key back', async () => {
    fake.failNext('get', { status: 500, detail: `upstream said: Authorization: Bearer ${KEY}` })
    fake.failNext('get', { status: 429, retryAfter: 0, detail: `slow down ${KEY}` })
    expect(await generate(clipIds[1]!)).toMatchObject({ status: 'completed' })
    fake.failNext('submit', { status: 400, detail: `bad request for key ${KEY}` })
    expect((await generate(clipIds[2]!)).error?.code).toBe('api_rejected')
  })

  it('reports a failed task whose error text contains the key', async () => {
    fake.failNextTask({ detail: `provider rejected ${KEY}` })
    expect((await generate(clipIds[3]!)).error?.code).toBe('task_failed')
  })

  it('reports an expired download, then downloads again once the link works', async () => {
    fake.failNext('download', { kind: 'expired' })
    const expired = await generate(clipIds[4]!)
    expect(expired.error?.code).toBe('download_expired')
    // MuleRouter serves the video again (a fresh presigned link).
    fake.tasks.get(expired.taskId!)!.expired = false
    const retried = await main.call('generation:checkAgain', { takeId: expired.id })
    expect(retried).toMatchObject({ status: 'downloading', error: null })
    const again = await settle(expired.id)
    expect(again, JSON.stringify(again.error)).toMatchObject({ status: 'completed' })
  })

  it('reports 401 for a refused key, and for a different key that MuleRouter does not know', async () => {
    fake.setKeyFault(KEY, { status: 401, detail: `Invalid key ${KEY}` })
    expect(await main.refusal('settings:testApiKey', {})).toMatchObject({ code: 'api_unauthorized' })
    // A POST refused for the key pauses the queue, the take back in line, with the reason the window shows.
    const queued = await main.call('generation:start', { clipId: clipIds[5]!, actionId: newId() })
    await until(async () => (await main.call('queue:state', {})).pauseReason?.code === 'api_unauthorized')
    expect((await main.call('queue:state', {})).pauseReason?.message).toContain('Invalid key [redacted]')
    await main.call('generation:cancel', { takeId: queued.id })
    await main.call('queue:setPaused', { paused: false })
    fake.setKeyFault(KEY, null)
    await main.call('settings:setApiKey', { key: OTHER_KEY })
    expect(await main.refusal('settings:testApiKey', {})).toMatchObject({ code: 'api_unauthorized' })
    expect(await main.refusal('settings:setApiKey', { key: `${KEY}\n${'x'.repeat(600)}` })).toMatchObject({ code: 'invalid_request' })
    await main.call('settings:clearApiKey', {})
    expect(await main.refusal('generation:start', { clipId: clipIds[0]!, actionId: newId() })).toMatchObject({ code: 'no_api_key' })
  })

  it('never appears in the project folder, the logs, any IPC reply or event, any error, or the settings store', async () => {
    await main.call('project:saveNow', {})
    const files = await filesUnder(projectDir)
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['project.json', 'project.json.bak']))
    expect(files.some((f) => f.name.startsWith('takes'))).toBe(true)
    const texts: [string, string][] = [
      ...files.map((f): [string, string] => [f.name, f.bytes.toString('latin1')]),
      ['log', main.logs.join('\n')],
      ['replies', JSON.stringify(main.replies)],
      ['events', JSON.stringify(main.events)],
      ['store', JSON.stringify(store.history)],
    ]
    for (const key of [KEY, OTHER_KEY]) {
      for (const form of leakForms(key)) for (const [where, text] of texts) expect(text.includes(form), `${where} holds the key`).toBe(false)
    }
    // The check above would see a leak: the errors really did pass through here, and the key really was sent.
    expect(JSON.stringify(main.replies)).toMatch(/api_unauthorized/)
    expect(JSON.stringify(main.events)).toMatch(/task_failed/)
    expect(fake.requests.filter((r) => r.auth === 'accepted').length).toBeGreaterThan(5)
  })
})
