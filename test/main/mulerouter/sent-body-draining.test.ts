import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { buildRequestBody, planBody } from '../../../src/main/services/mulerouter'
import { PostFailure, postStreamed, type PostAnswer } from '../../../src/main/services/mulerouter/post-streamed'
import { imageLibrary, makeClip, sizedImage } from './helpers'

const MB = 1_000_000
/**
 * Between the wake-ups of a writer blocked on a slow link (some 1.7 s apart at 1 MB/s here) and the time the
 * loopback buffers take to drain after the last byte was handed over (some 4.8 s at 1 MB/s): an upload that moves
 * is never idle, yet the drain is far longer than the idle timeout.
 */
const IDLE_MS = 3_000
/** Generous: each test takes seconds of real time, on a loaded machine more. */
const TEST_MS = 60_000

/**
 * The far end of a slow uplink on loopback: reads each request body at `bytesPerSecond` and answers once it has
 * all of it — or, past `stopAfterBytes`, stops reading altogether (a server that went away with the link open).
 */
async function slowReader(bytesPerSecond: number, stopAfterBytes = Infinity) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size >= stopAfterBytes) return void req.pause()
      const wait = (size / bytesPerSecond) * 1000 - (performance.now() - started)
      if (wait <= 0) return
      req.pause()
      setTimeout(() => req.resume(), wait)
    })
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"task_info":{"id":"t1"}}'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: new URL(`http://127.0.0.1:${port}/v1/generation`),
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

let closeServer: (() => Promise<void>) | undefined
afterEach(async () => {
  await closeServer?.()
  closeServer = undefined
})

/** A clip whose first and last frame make a body of some `megabytes` MB of base64, far more than loopback buffers. */
async function bodyOf(megabytes: number) {
  const images = [sizedImage((megabytes * MB * 3) / 8), sizedImage((megabytes * MB * 3) / 8)]
  const library = imageLibrary(images)
  const clip = makeClip({ firstFrameAssetId: images[0]!.asset.id, lastFrameAssetId: images[1]!.asset.id })
  const { body } = await buildRequestBody(clip, { assets: library.assets, elements: [] }, library.readAsset, { imageEncoding: 'raw' })
  return { plan: planBody(body), reader: body.reader }
}

async function post(
  server: { url: URL },
  megabytes: number,
  onProgress?: (sentBytes: number, totalBytes: number) => void,
): Promise<PostAnswer | PostFailure> {
  const { plan, reader } = await bodyOf(megabytes)
  const headers = { 'Content-Type': 'application/json' }
  return postStreamed({ url: server.url, headers, plan, reader, idleTimeoutMs: IDLE_MS, capMs: 120_000, ...(onProgress ? { onProgress } : {}) }).catch(
    (error: unknown) => {
      if (error instanceof PostFailure) return error
      throw error
    },
  )
}

describe('a body the OS still holds after its last byte was handed over', () => {
  it(
    'gets its answer while a slow link drains it, rather than being called unknown after the idle timeout',
    async () => {
      // 10 MB at 1 MB/s: the OS takes the last byte some 5 s before the server has read it and can answer.
      const server = await slowReader(1 * MB)
      closeServer = server.close
      const outcome = await post(server, 10)
      expect(outcome).not.toBeInstanceOf(PostFailure)
      expect(outcome).toMatchObject({ status: 200, text: '{"task_info":{"id":"t1"}}' })
    },
    TEST_MS,
  )

  it(
    'gets its answer when the OS took a small body at once, so no link rate was measured, and the link drains it slowly',
    async () => {
      // 3 MB fits in the loopback buffers: the writer never waits, and the server reads it over some 10 s.
      const server = await slowReader(0.3 * MB)
      closeServer = server.close
      let wholeAt: number | undefined
      const outcome = await post(server, 3, (sentBytes, totalBytes) => {
        if (sentBytes === totalBytes) wholeAt ??= performance.now()
      })
      expect(outcome).toMatchObject({ status: 200, text: '{"task_info":{"id":"t1"}}' })
      // The case at hand: the body counted as gone, then silence for longer than the idle timeout before the answer.
      expect(performance.now() - wholeAt!).toBeGreaterThan(IDLE_MS)
    },
    TEST_MS,
  )

  it(
    'still ends as idle, after the whole body was sent, when the server stops reading and never answers',
    async () => {
      // The server stops with the last 2 MB unread: all of it already handed to the OS, which now cannot send it.
      const bytes = (await bodyOf(10)).plan.contentLength
      const server = await slowReader(2 * MB, bytes - 2 * MB)
      closeServer = server.close
      const started = performance.now()
      const outcome = await post(server, 10)
      expect(outcome).toBeInstanceOf(PostFailure)
      expect(outcome).toMatchObject({ phase: 'sent', reason: 'idle' })
      // Long before the two-minute cap: the estimated drain (some 2.5 s at 2 MB/s, counted twice) and the idle timeout.
      expect(performance.now() - started).toBeLessThan(40_000)
    },
    TEST_MS,
  )
})
