import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { submitWasNotSent, type MuleRouterClient, type TextToVideoRequest } from '../../../src/main/services/mulerouter'
import { errorCodes, isAppErrorException, type ErrorCode } from '../../../src/shared/errors'
import { CANARY_KEY, bodyOf, clientFor } from './helpers'

const request: TextToVideoRequest = { prompt: 'Rain on a tin roof', duration: 5, mode: 'std', aspect_ratio: '16:9', sound: 'off' }
const body = bodyOf(request)
const retryableRead = new Set<ErrorCode>(['api_rate_limited', 'api_server_error', 'network_offline', 'api_timeout', 'api_malformed'])
const retryableDownload = new Set<ErrorCode>(['download_failed', 'network_offline'])
let fake: FakeMuleRouter
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'omniboard-chaos-'))
  fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual', chaos: { seed: 20260303, rate: 0.35, retryAfterSeconds: 0 } })
})
afterEach(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

const codeOf = (error: unknown): ErrorCode => {
  if (isAppErrorException(error)) return error.error.code
  throw error
}

/** A deliberately plain job loop: POST once (again only if provably not sent), poll with retries, download with retries. */
async function runJob(client: MuleRouterClient, n: number): Promise<{ outcome: 'completed' | ErrorCode; posts: number }> {
  let posts = 0
  let taskId: string | null = null
  while (taskId === null) {
    posts++
    try {
      taskId = (await client.submit(body)).taskId
    } catch (error) {
      const code = codeOf(error)
      if (!(isAppErrorException(error) && submitWasNotSent(error.error)) || posts >= 3) return { outcome: code, posts }
    }
  }
  for (let attempt = 0; attempt < 60; attempt++) {
    fake.advance(1000)
    let state
    try {
      state = await client.getTask(taskId)
    } catch (error) {
      if (retryableRead.has(codeOf(error))) continue
      return { outcome: codeOf(error), posts }
    }
    if (state.statusKind === 'failed') return { outcome: state.error?.code ?? 'task_failed', posts }
    if (state.statusKind !== 'succeeded') continue
    for (let tries = 0; ; tries++) {
      try {
        await client.download(state.videos[0] ?? '', join(dir, `job-${n}.mp4`))
        return { outcome: 'completed', posts }
      } catch (error) {
        if (!retryableDownload.has(codeOf(error)) || tries >= 5) return { outcome: codeOf(error), posts }
      }
    }
  }
  return { outcome: 'api_timeout', posts }
}

describe('network chaos against the client', () => {
  it('ends every job completed or with a typed error, and never creates a task twice for one job', async () => {
    const client = clientFor(fake, CANARY_KEY, 250)
    const results = []
    for (let n = 0; n < 20; n++) {
      const before = fake.submits().length
      const result = await runJob(client, n)
      const tasksCreated = fake.submits().slice(before).filter((request) => request.createdTaskId).length
      results.push({ n, tasksCreated, ...result })
    }

    for (const result of results) expect(result.outcome === 'completed' || errorCodes.includes(result.outcome)).toBe(true)
    expect(fake.submits()).toHaveLength(results.reduce((sum, result) => sum + result.posts, 0))
    // A job may POST again only when its request provably never arrived, so each job owns at most one task.
    for (const result of results) expect(result.tasksCreated).toBeLessThanOrEqual(1)
    const completed = results.filter((result) => result.outcome === 'completed')
    expect(completed.length).toBeGreaterThan(0)
    const sample = await readFile(new URL('../../fixtures/media/sample.mp4', import.meta.url))
    for (const result of completed) expect((await readFile(join(dir, `job-${result.n}.mp4`))).equals(sample)).toBe(true)
    expect(new Set(results.map((result) => result.outcome)).size).toBeGreaterThan(1)
  })
})
