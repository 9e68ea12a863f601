import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { downloadVideo } from '../../../src/main/services/mulerouter/download'
import { CANARY_KEY, appErrorOf, bodyOf, clientFor } from './helpers'

const sampleVideo = () => readFile(new URL('../../fixtures/media/sample.mp4', import.meta.url))
const transport = { userAgent: 'Omniboard/test', timeoutMs: 2_000 }
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'omniboard-verify-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** A server that sends these bytes with no Content-Length (a chunked body), as some CDNs do. */
const unsized = (bytes: Buffer): typeof fetch => async () =>
  new Response(new ReadableStream({ start: (controller) => (controller.enqueue(new Uint8Array(bytes)), controller.close()) }), { status: 200 })

describe('a download of unannounced size', () => {
  it('is accepted when the file is a complete MP4', async () => {
    const video = await sampleVideo()
    const dest = join(dir, 'v.mp4')
    const result = await downloadVideo(unsized(video), 'https://cdn.example/v.mp4', dest, transport)
    expect(result.bytes).toBe(video.length)
    expect((await readFile(dest)).equals(video)).toBe(true)
  })

  it('is refused when the MP4 was cut short, leaving no video behind', async () => {
    const video = await sampleVideo()
    const dest = join(dir, 'v.mp4')
    const error = await appErrorOf(() => downloadVideo(unsized(video.subarray(0, video.length - 500)), 'https://cdn.example/v.mp4', dest, transport))
    expect(error).toMatchObject({ code: 'download_failed', message: expect.stringMatching(/incomplete/) })
    expect(await readdir(dir)).toEqual([])
  })

  it('is refused when the bytes are not an MP4 at all', async () => {
    const error = await appErrorOf(() => downloadVideo(unsized(Buffer.from('<html>Sign in to continue</html>')), 'https://cdn.example/v.mp4', join(dir, 'v.mp4'), transport))
    expect(error.code).toBe('download_failed')
  })
})

describe('resuming with If-Range', () => {
  let fake: FakeMuleRouter
  afterEach(() => fake.close())

  it('takes the whole file again when the partial one came from another version of it', async () => {
    fake = await startFakeMuleRouter({ keys: [CANARY_KEY], clock: 'manual', pendingMs: 1, processingMs: 1 })
    const client = clientFor(fake, CANARY_KEY)
    const { taskId } = await client.submit(bodyOf({ prompt: 'Waves', duration: 5, mode: 'std', aspect_ratio: '1:1', sound: 'off' }))
    fake.advance(10)
    const url = (await client.getTask(taskId)).videos[0]!
    const dest = join(dir, 'v.mp4')
    await writeFile(`${dest}.part`, Buffer.alloc(1000, 7))
    await writeFile(`${dest}.part.json`, JSON.stringify({ validator: '"an-older-version"', total: 5000 }))

    await client.download(url, dest)
    const [request] = fake.requests.filter((entry) => entry.route === 'download')
    expect(request?.headers).toMatchObject({ range: 'bytes=1000-', 'if-range': '"an-older-version"' })
    expect(request?.status).toBe(200)
    expect((await readFile(dest)).equals(await sampleVideo())).toBe(true)
    expect(await readdir(dir)).toEqual(['v.mp4'])
  })
})

describe.skipIf(process.platform === 'win32')('a partial download planted by whoever shared the project', () => {
  it('is never written through: a .part link to a file elsewhere leaves that file as it was', async () => {
    const video = await sampleVideo()
    const outside = await mkdtemp(join(tmpdir(), 'omniboard-outside-'))
    const victim = join(outside, 'notes.txt')
    await writeFile(victim, 'the user’s notes')
    const dest = join(dir, 'v.mp4')
    await symlink(victim, `${dest}.part`)
    await writeFile(`${dest}.part.json`, JSON.stringify({ validator: '"v1"', total: video.length }))
    try {
      const error = await appErrorOf(() => downloadVideo(unsized(video), 'https://cdn.example/v.mp4', dest, transport))
      expect(error).toMatchObject({ code: 'project_unsafe_file', message: expect.stringContaining('v.mp4.part → ') })
      expect(await readFile(victim, 'utf8')).toBe('the user’s notes')
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('a FIFO as the partial’s note is not waited on: the download stops at once and names it', async () => {
    const video = await sampleVideo()
    const dest = join(dir, 'v.mp4')
    await writeFile(`${dest}.part`, video.subarray(0, 100))
    execFileSync('mkfifo', [`${dest}.part.json`])
    const error = await appErrorOf(() => downloadVideo(unsized(video), 'https://cdn.example/v.mp4', dest, transport))
    expect(error).toMatchObject({ code: 'project_unsafe_file', message: expect.stringMatching(/v\.mp4\.part\.json .*named pipe/) })
  })
})
