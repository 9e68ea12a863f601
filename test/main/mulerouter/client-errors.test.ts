import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { createMuleRouterClient, submitWasNotSent, type TextToVideoRequest } from '../../../src/main/services/mulerouter'
import { classifyNetworkError } from '../../../src/main/services/mulerouter/network-errors'
import { CANARY_KEY, bodyOf, appErrorOf, clientFor } from './helpers'

const request: TextToVideoRequest = { prompt: 'A lighthouse at dusk', duration: 5, mode: 'std', aspect_ratio: '16:9', sound: 'off' }
const body = bodyOf(request)
let fake: FakeMuleRouter

beforeEach(async () => {
  fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual' })
})
afterEach(() => fake.close())

const submitError = (timeoutMs?: number) => appErrorOf(() => clientFor(fake, CANARY_KEY, timeoutMs).submit(body))
const getError = (taskId = 'some-task', timeoutMs?: number) => appErrorOf(() => clientFor(fake, CANARY_KEY, timeoutMs).getTask(taskId))
async function existingTaskId(): Promise<string> {
  const { taskId } = await clientFor(fake, CANARY_KEY).submit(body)
  return taskId
}

describe('HTTP errors become typed, plain-language errors', () => {
  it('rejects a bad body with the server detail (400)', async () => {
    const error = await appErrorOf(() => clientFor(fake, CANARY_KEY).submit(bodyOf({ ...request, duration: 20 })))
    expect(error.code).toBe('api_rejected')
    expect(error.message).toContain('duration must be between 3 and 15 seconds')
    expect(error.hint).not.toBe('')
    expect(fake.createdTaskIds()).toHaveLength(0)
  })

  it('reads a FastAPI-style 422 detail list, then error, then message', async () => {
    fake.failNext('submit', { kind: 'json', status: 422, body: { detail: [{ loc: ['body', 'duration'], msg: 'Input should be less than 16' }] } })
    expect((await submitError()).message).toContain('duration: Input should be less than 16')
    fake.failNext('submit', { kind: 'json', status: 400, body: { error: 'prompt is required' } })
    expect((await submitError()).message).toContain('prompt is required')
    fake.failNext('submit', { kind: 'json', status: 400, body: { message: 'bad aspect ratio' } })
    expect(await submitError()).toMatchObject({ code: 'api_rejected', message: expect.stringContaining('bad aspect ratio') })
  })

  it('maps 401, 402, 403 and 404', async () => {
    expect((await appErrorOf(() => clientFor(fake, 'sk-wrong').submit(body))).code).toBe('api_unauthorized')
    fake.setKeyFault('sk-poor', { status: 402, detail: 'Insufficient balance' })
    const poor = await appErrorOf(() => clientFor(fake, 'sk-poor').submit(body))
    expect(poor).toMatchObject({ code: 'api_insufficient_credits', message: expect.stringContaining('Insufficient balance') })
    fake.failNext('get', { status: 403 })
    expect((await getError()).code).toBe('api_forbidden')
    expect((await getError('no-such-task')).code).toBe('api_not_found')
  })

  it('parses Retry-After in seconds and as an HTTP date (429)', async () => {
    fake.failNext('submit', { status: 429, retryAfter: 2 })
    const seconds = await submitError()
    expect(seconds).toMatchObject({ code: 'api_rate_limited', retryAfterMs: 2000 })
    expect(fake.createdTaskIds()).toHaveLength(0)

    const now = Date.parse('2026-03-03T00:00:00Z')
    fake.failNext('get', { status: 429, retryAfter: 'Tue, 03 Mar 2026 00:00:30 GMT' })
    const client = createMuleRouterClient({ baseUrl: fake.url, apiKey: () => CANARY_KEY, timeoutMs: 5000, userAgent: 'test', now: () => now })
    expect(await appErrorOf(() => client.getTask('x'))).toMatchObject({ code: 'api_rate_limited', retryAfterMs: 30_000 })
  })

  it('reports a server error while polling as api_server_error (500, 503)', async () => {
    const taskId = await existingTaskId()
    fake.failNext('get', { status: 500 })
    fake.failNext('get', { status: 503 })
    expect((await getError(taskId)).code).toBe('api_server_error')
    expect((await getError(taskId)).message).toContain('503')
    expect((await clientFor(fake, CANARY_KEY).getTask(taskId)).status).toBe('pending')
  })

  it('reports a malformed or mis-shaped answer while polling as api_malformed', async () => {
    const taskId = await existingTaskId()
    fake.failNext('get', { kind: 'malformed' })
    expect((await getError(taskId)).code).toBe('api_malformed')
    fake.failNext('get', { kind: 'json', body: { task: { id: taskId } } })
    expect((await getError(taskId)).code).toBe('api_malformed')
  })

  it('refuses a base URL that is not a web address, before sending anything', async () => {
    const client = createMuleRouterClient({ baseUrl: 'ftp://example.com', apiKey: () => CANARY_KEY, timeoutMs: 1000, userAgent: 'test' })
    expect((await appErrorOf(() => client.submit(body))).code).toBe('invalid_request')
  })

  it('trims a pasted key, and refuses one with characters a header cannot carry without sending it', async () => {
    await expect(clientFor(fake, `  ${CANARY_KEY}\n`).getTask('missing')).rejects.toMatchObject({ error: { code: 'api_not_found' } })
    const error = await appErrorOf(() => clientFor(fake, 'sk-CANARY 12345').submit(body))
    expect(error.code).toBe('invalid_request')
    expect(JSON.stringify(error)).not.toContain('sk-CANARY')
    expect(fake.requests).toHaveLength(1)
  })

  it('asks for a key when none is set, and sends nothing', async () => {
    expect((await appErrorOf(() => clientFor(fake, null).submit(body))).code).toBe('no_api_key')
    expect(fake.requests).toHaveLength(0)
  })
})

describe('a submit whose outcome is unknown is never mistaken for one that was not sent', () => {
  it('times out after sending: submit_outcome_unknown, and the fake saw exactly one POST', async () => {
    fake.failNext('submit', { kind: 'hang', afterCreate: true })
    const error = await submitError(300)
    expect(error.code).toBe('submit_outcome_unknown')
    expect(submitWasNotSent(error)).toBe(false)
    expect(fake.submits()).toHaveLength(1)
    expect(fake.createdTaskIds()).toHaveLength(1)
  })

  it('treats a connection reset after sending as unknown', async () => {
    fake.failNext('submit', { kind: 'reset', afterCreate: true })
    expect((await submitError()).code).toBe('submit_outcome_unknown')
    expect(fake.submits()).toHaveLength(1)
  })

  it('treats a 5xx or an unreadable 200 on submit as unknown', async () => {
    fake.failNext('submit', { status: 502 })
    expect((await submitError()).code).toBe('submit_outcome_unknown')
    fake.failNext('submit', { kind: 'malformed' })
    expect((await submitError()).code).toBe('submit_outcome_unknown')
    // The unreadable 200 did create a task: exactly why it must not be resent.
    expect(fake.createdTaskIds()).toHaveLength(1)
  })

  it('reports a refused connection as not sent, for submit and for polling', async () => {
    const closed = await startFakeMuleRouter()
    const url = closed.url
    await closed.close()
    const error = await appErrorOf(() => clientFor({ url }, CANARY_KEY).submit(body))
    expect(error.code).toBe('network_offline')
    expect(submitWasNotSent(error)).toBe(true)
    expect((await appErrorOf(() => clientFor({ url }, CANARY_KEY).getTask('t'))).code).toBe('network_offline')
  })

  it('classifies DNS and connect failures as not sent, and resets as possibly sent', () => {
    const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause })
    expect(classifyNetworkError(fetchFailed({ code: 'ENOTFOUND' }))).toBe('not_sent')
    expect(classifyNetworkError(fetchFailed(Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }]), { code: 'ECONNREFUSED' })))).toBe('not_sent')
    expect(classifyNetworkError(fetchFailed({ code: 'UND_ERR_SOCKET', cause: { code: 'ECONNRESET' } }))).toBe('connection_lost')
    expect(classifyNetworkError(new DOMException('timed out', 'TimeoutError'))).toBe('timeout')
  })

  it('times out while polling as api_timeout, and a reset while polling as network_offline', async () => {
    const taskId = await existingTaskId()
    fake.failNext('get', { kind: 'hang' })
    expect((await getError(taskId, 300)).code).toBe('api_timeout')
    fake.failNext('get', { kind: 'reset' })
    expect((await getError(taskId)).code).toBe('network_offline')
  })
})

describe('the API key never leaks', () => {
  it('appears in no error message or hint, even when the server echoes it back', async () => {
    const echo = `Key ${CANARY_KEY} is not allowed`
    const errors = []
    fake.failNext('submit', { kind: 'json', status: 400, body: { detail: echo } })
    errors.push(await submitError())
    fake.failNext('get', { kind: 'json', status: 401, body: { detail: echo } })
    errors.push(await getError())
    fake.failNext('submit', { status: 429, detail: echo, retryAfter: 1 })
    errors.push(await submitError())
    fake.failNext('submit', { kind: 'hang', afterCreate: true })
    errors.push(await submitError(200))
    fake.failNext('get', { kind: 'json', body: { task_info: { id: 't', status: 'failed', error: { code: 4002, title: 'Bad', detail: echo } } } })
    const failed = await clientFor(fake, CANARY_KEY).getTask('t')
    if (failed.error) errors.push(failed.error)
    errors.push(await appErrorOf(() => clientFor(fake, 'sk-wrong').getTask('t')))
    expect(errors.length).toBeGreaterThanOrEqual(6)
    for (const error of errors) expect(JSON.stringify(error)).not.toContain(CANARY_KEY)
    expect(JSON.stringify(failed.raw)).not.toContain(CANARY_KEY)
    expect(JSON.stringify(fake.requests.map((request) => request.headers))).not.toContain(CANARY_KEY)
  })
})

describe('checking a key', () => {
  it('accepts a good key with one cheap GET and refuses a bad one', async () => {
    await expect(clientFor(fake, CANARY_KEY).checkKey()).resolves.toBeUndefined()
    expect((await appErrorOf(() => clientFor(fake, 'sk-wrong').checkKey())).code).toBe('api_unauthorized')
    expect(fake.requests.map((request) => request.method)).toStrictEqual(['GET', 'GET'])
    expect(fake.createdTaskIds()).toHaveLength(0)
  })
})
