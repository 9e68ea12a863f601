import { afterEach, describe, expect, it } from 'vitest'
import { contentRefusalError, DEFAULT_FAKE_KEY, FAKE_SUBMIT_PATH, startFakeMuleRouter, type FakeMuleRouter, type FakeMuleRouterOptions } from '../../src/fake-mulerouter'

const body = { prompt: 'Fog rolling over a bridge', duration: 5, mode: 'std', aspect_ratio: '16:9', sound: 'off' }
const fakes: FakeMuleRouter[] = []
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()))
})

async function start(options: FakeMuleRouterOptions = {}) {
  const fake = await startFakeMuleRouter({ clock: 'manual', ...options })
  fakes.push(fake)
  return fake
}

const auth = (key = DEFAULT_FAKE_KEY) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' })
/** Resolves to the status, or to 'network' when the connection broke without an answer. */
async function submit(fake: FakeMuleRouter, key?: string, timeoutMs = 2000): Promise<number | 'network'> {
  try {
    const response = await fetch(`${fake.url}${FAKE_SUBMIT_PATH}`, { method: 'POST', headers: auth(key), body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) })
    await response.text()
    return response.status
  } catch {
    return 'network'
  }
}

describe('one-shot faults', () => {
  it('apply in order, once each, to their own route only', async () => {
    const fake = await start()
    fake.failNext('submit', { status: 429, retryAfter: 2 })
    fake.failNext('submit', { status: 503 })
    fake.failNext('get', { status: 500 })
    const first = await fetch(`${fake.url}${FAKE_SUBMIT_PATH}`, { method: 'POST', headers: auth(), body: JSON.stringify(body) })
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(await first.json()).toHaveProperty('detail')
    expect(await submit(fake)).toBe(503)
    expect(await submit(fake)).toBe(200)
    expect(fake.submits().map((request) => request.fault)).toStrictEqual(['status:429', 'status:503', undefined])
    expect(fake.createdTaskIds()).toHaveLength(1)
  })

  it('answers a malformed JSON body, having created the task as a real server would', async () => {
    const fake = await start()
    fake.failNext('submit', { kind: 'malformed' })
    const response = await fetch(`${fake.url}${FAKE_SUBMIT_PATH}`, { method: 'POST', headers: auth(), body: JSON.stringify(body) })
    expect(response.status).toBe(200)
    await expect(response.json()).rejects.toThrow()
    expect(fake.createdTaskIds()).toHaveLength(1)
  })

  it('records truthfully whether a hung or reset POST created a task', async () => {
    const fake = await start()
    fake.failNext('submit', { kind: 'reset', afterCreate: false })
    fake.failNext('submit', { kind: 'reset', afterCreate: true })
    fake.failNext('submit', { kind: 'hang', afterCreate: true })
    expect(await submit(fake)).toBe('network')
    expect(await submit(fake)).toBe('network')
    expect(await submit(fake, undefined, 200)).toBe('network')
    expect(fake.submits().map((request) => [request.fault, Boolean(request.createdTaskId), request.status])).toStrictEqual([
      ['reset', false, undefined],
      ['reset', true, undefined],
      ['hang', true, undefined],
    ])
  })

  it('closes cleanly while a request hangs', async () => {
    const fake = await startFakeMuleRouter({ clock: 'manual' })
    fake.failNext('submit', { kind: 'hang' })
    const pending = submit(fake, undefined, 10_000)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await fake.close()
    expect(await pending).toBe('network')
  })

  it('answers slowly with a delay fault, then normally', async () => {
    const fake = await start()
    fake.failNext('submit', { kind: 'delay', ms: 50 })
    expect(await submit(fake)).toBe(200)
    expect(fake.submits()[0]?.fault).toBe('delay')
  })
})

describe('persistent route faults', () => {
  it('apply to every request on the route after the one-shot faults, until cleared', async () => {
    const fake = await start()
    fake.setFault('submit', { status: 503 })
    fake.failNext('submit', { status: 429 })
    expect([await submit(fake), await submit(fake), await submit(fake)]).toStrictEqual([429, 503, 503])
    fake.setFault('submit', null)
    expect(await submit(fake)).toBe(200)
  })
})

describe('per-key faults', () => {
  it('give a key the same answer every time, until cleared', async () => {
    const fake = await start({ keyFaults: { 'sk-broke': { status: 402, detail: 'Insufficient balance' } } })
    fake.setKeyFault('sk-banned', { status: 403 })
    expect([await submit(fake, 'sk-broke'), await submit(fake, 'sk-broke'), await submit(fake, 'sk-banned')]).toStrictEqual([402, 402, 403])
    fake.setKeyFault('sk-banned', null)
    expect(await submit(fake, 'sk-banned')).toBe(401)
    expect(await submit(fake)).toBe(200)
  })
})

describe('failed tasks', () => {
  it('ends every task refused for its content when asked to: HTTP 200, status failed, the refusal code and reason', async () => {
    const fake = await start({ refuseTasks: true, pendingMs: 10, processingMs: 10 })
    const created = (await (await fetch(`${fake.url}${FAKE_SUBMIT_PATH}`, { method: 'POST', headers: auth(), body: JSON.stringify(body) })).json()) as { task_info: { id: string } }
    fake.advance(100)
    const answer = await fetch(`${fake.url}${FAKE_SUBMIT_PATH}/${created.task_info.id}`, { headers: auth() })
    expect(answer.status).toBe(200)
    expect(((await answer.json()) as { task_info: unknown }).task_info).toMatchObject({ status: 'failed', error: contentRefusalError })
  })
})

describe('chaos', () => {
  async function runChaos(seed: number) {
    const fake = await start({ chaos: { seed, rate: 0.6, kinds: ['429', '500', '503', 'reset', 'malformed', 'hang'] } })
    const statuses = []
    for (let i = 0; i < 30; i++) statuses.push(await submit(fake, undefined, 150))
    return { fake, statuses }
  }

  it('is reproducible from its seed', async () => {
    const a = await runChaos(7)
    const b = await runChaos(7)
    const c = await runChaos(8)
    const faults = (fake: FakeMuleRouter) => fake.submits().map((request) => request.fault ?? null)
    expect(faults(a.fake)).toStrictEqual(faults(b.fake))
    expect(a.statuses).toStrictEqual(b.statuses)
    expect(faults(a.fake)).not.toStrictEqual(faults(c.fake))
    expect(faults(a.fake).filter(Boolean).length).toBeGreaterThan(5)
  })

  it('never answers an error status for a POST that created a task', async () => {
    const { fake, statuses } = await runChaos(11)
    fake.submits().forEach((request, i) => {
      if (typeof statuses[i] === 'number' && statuses[i] !== 200) expect(request.createdTaskId).toBeUndefined()
      if (statuses[i] === 200) expect(request.createdTaskId).toBeDefined()
    })
    expect(fake.createdTaskIds().length).toBe(fake.submits().filter((request) => request.createdTaskId).length)
  })
})
