import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter, type FakeMuleRouterOptions } from '../../../src/fake-mulerouter'
import type { TextToVideoRequest } from '../../../src/main/services/mulerouter'
import { CANARY_KEY, bodyOf, appErrorOf, clientFor } from './helpers'

const request: TextToVideoRequest = { prompt: 'Waves on a pier', duration: 5, mode: 'std', aspect_ratio: '1:1', sound: 'off' }
const body = bodyOf(request)
const sampleVideo = () => readFile(new URL('../../fixtures/media/sample.mp4', import.meta.url))
let fake: FakeMuleRouter
let dir: string

async function startFake(options: FakeMuleRouterOptions = {}) {
  fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual', pendingMs: 1000, processingMs: 4000, ...options })
}
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'omniboard-download-'))
})
afterEach(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

/** Submits, then moves the fake's clock past processing, and returns the finished task. */
async function finishedTask() {
  const client = clientFor(fake, CANARY_KEY)
  const { taskId } = await client.submit(body)
  fake.advance(10_000)
  return client.getTask(taskId)
}

describe('polling a task', () => {
  it('walks pending → processing → completed on the fake clock and then lists the video', async () => {
    await startFake()
    const client = clientFor(fake, CANARY_KEY)
    const submitted = await client.submit(body)
    expect(submitted).toMatchObject({ status: 'pending', statusKind: 'in_progress' })
    const seen = []
    for (const step of [0, 999, 1, 3999, 1]) {
      fake.advance(step)
      const state = await client.getTask(submitted.taskId)
      seen.push([state.status, state.statusKind, state.videos.length])
    }
    expect(seen).toStrictEqual([
      ['pending', 'in_progress', 0],
      ['pending', 'in_progress', 0],
      ['processing', 'in_progress', 0],
      ['processing', 'in_progress', 0],
      ['completed', 'succeeded', 1],
    ])
    const done = await client.getTask(submitted.taskId)
    expect(done.videos[0]).toBe(`${fake.url}/files/${submitted.taskId}/result_000.mp4`)
    expect(fake.submits()).toHaveLength(1)
  })

  it('understands the other status words, and treats an unknown one as still running', async () => {
    await startFake({ statusWords: { pending: 'queued', processing: 'warming_up', completed: 'succeeded' } })
    const client = clientFor(fake, CANARY_KEY)
    const { taskId } = await client.submit(body)
    expect((await client.getTask(taskId)).statusKind).toBe('in_progress')
    fake.advance(2000)
    expect(await client.getTask(taskId)).toMatchObject({ status: 'warming_up', statusKind: 'in_progress' })
    fake.advance(5000)
    expect(await client.getTask(taskId)).toMatchObject({ status: 'succeeded', statusKind: 'succeeded' })
  })

  it('reports a task that failed with its code, title and detail (HTTP 200)', async () => {
    await startFake()
    fake.failNextTask({ code: 3002, title: 'Provider error', detail: 'The model could not render this prompt.' })
    const state = await finishedTask()
    expect(state.statusKind).toBe('failed')
    expect(state.taskError).toMatchObject({ code: 3002, title: 'Provider error' })
    expect(state.error?.code).toBe('task_failed')
    expect(state.error?.message).toContain('3002')
    expect(state.error?.message).toContain('Provider error')
    expect(state.error?.message).toContain('The model could not render this prompt.')
  })
})

describe('downloading a result', () => {
  it('streams the video to the destination, byte-identical, with progress and no stray temp file', async () => {
    await startFake()
    const state = await finishedTask()
    const dest = join(dir, 'takes', 'take_1-0.mp4')
    const progress: number[] = []
    const result = await clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', dest, { onProgress: (p) => progress.push(p.receivedBytes) })
    const expected = await sampleVideo()
    expect((await readFile(dest)).equals(expected)).toBe(true)
    expect(result).toStrictEqual({ bytes: expected.length, resumes: 0 })
    expect(progress.at(-1)).toBe(expected.length)
    expect(await readdir(join(dir, 'takes'))).toStrictEqual(['take_1-0.mp4'])
    const downloadRequest = fake.requests.find((request) => request.route === 'download')
    expect(downloadRequest?.auth).toBe('not_required')
    expect(downloadRequest?.headers.authorization).toBeUndefined()
  })

  it('reports an expired link as download_expired and leaves no file', async () => {
    await startFake()
    const state = await finishedTask()
    fake.expireVideos(state.taskId)
    const dest = join(dir, 'v.mp4')
    const error = await appErrorOf(() => clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', dest))
    expect(error.code).toBe('download_expired')
    expect(await readdir(dir)).toStrictEqual([])
  })

  it('resumes a download reset mid-way with Range and produces a byte-identical file', async () => {
    await startFake()
    const state = await finishedTask()
    fake.failNext('download', { kind: 'resetMidBody', afterBytes: 2500 })
    const dest = join(dir, 'v.mp4')
    const result = await clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', dest)
    expect((await readFile(dest)).equals(await sampleVideo())).toBe(true)
    expect(result.resumes).toBe(1)
    const downloads = fake.requests.filter((request) => request.route === 'download')
    expect(downloads).toHaveLength(2)
    expect(downloads[1]?.headers.range).toMatch(/^bytes=\d+-$/)
    expect(Number(/=(\d+)-/.exec(downloads[1]?.headers.range ?? '')?.[1])).toBeGreaterThan(0)
    expect(downloads[1]?.status).toBe(206)
  })

  it('starts over when the server ignores Range, still producing a byte-identical file', async () => {
    await startFake({ rangeSupport: false })
    const state = await finishedTask()
    fake.failNext('download', { kind: 'resetMidBody', afterBytes: 3000 })
    const dest = join(dir, 'v.mp4')
    const result = await clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', dest)
    expect((await readFile(dest)).equals(await sampleVideo())).toBe(true)
    expect(result.resumes).toBe(1)
    const downloads = fake.requests.filter((request) => request.route === 'download')
    expect(downloads.map((request) => request.status)).toStrictEqual([200, 200])
    expect(downloads[1]?.headers.range).toBeDefined()
  })

  it('gives up with download_failed when the connection keeps breaking, keeping the bytes for the next attempt to resume', async () => {
    await startFake()
    const state = await finishedTask()
    fake.failNext('download', { kind: 'resetMidBody', afterBytes: 100 }, 3)
    const dest = join(dir, 'v.mp4')
    const error = await appErrorOf(() => clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', dest, { maxResumes: 2 }))
    expect(error.code).toBe('download_failed')
    expect(fake.requests.filter((request) => request.route === 'download')).toHaveLength(3)

    const result = await clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', dest)
    const [resumed] = fake.requests.filter((request) => request.route === 'download').slice(3)
    expect(resumed?.headers.range).toBe('bytes=300-')
    expect(resumed?.headers['if-range']).toMatch(/^"[0-9a-f]+"$/)
    expect(resumed?.status).toBe(206)
    expect(result).toStrictEqual({ bytes: (await sampleVideo()).length, resumes: 0 })
    expect((await readFile(dest)).equals(await sampleVideo())).toBe(true)
    expect(await readdir(dir)).toStrictEqual(['v.mp4'])
  })

  it('lets the caller cancel a download', async () => {
    await startFake()
    const state = await finishedTask()
    fake.failNext('download', { kind: 'hang' })
    const controller = new AbortController()
    const pending = clientFor(fake, CANARY_KEY).download(state.videos[0] ?? '', join(dir, 'v.mp4'), { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('user cancelled')), 50)
    await expect(pending).rejects.toThrow('user cancelled')
    expect(await readdir(dir)).toStrictEqual([])
  })
})
