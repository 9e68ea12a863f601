import { readFileSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkVideoUrl } from '../../../src/main/services/web-video/check-video-url'
import { systemAddressPolicy, type AddressPolicy } from '../../../src/main/services/web-images/checked-address'
import { validateVideoSource } from '../../../src/shared/domain/validate-video'
import { isAppErrorException, type AppError } from '../../../src/shared/errors'

const take = readFileSync(new URL('../../fixtures/media/take-4s-720p.mp4', import.meta.url))
const short = readFileSync(new URL('../../fixtures/media/take-2s-480p.mp4', import.meta.url))
/** The test server is on this computer; here it stands for a host on the internet. */
const asPublic: AddressPolicy = { resolve: systemAddressPolicy.resolve, kindOf: () => 'public' }
const onLoopback = { addresses: asPublic, allowHttp: true, timeoutMs: 5_000 }
let server: Server
let base: string
const ranges: string[] = []

/** Serves `bytes` as a video host does: HEAD, and byte ranges when asked. */
function serve(res: ServerResponse, method: string, range: string | undefined, bytes: Buffer, type = 'video/mp4'): void {
  const match = /^bytes=(\d+)-(\d*)$/.exec(range ?? '')
  if (!match) return void res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'accept-ranges': 'bytes' }).end(method === 'HEAD' ? undefined : bytes)
  const start = Number(match[1])
  const end = Math.min(bytes.length - 1, match[2] ? Number(match[2]) : bytes.length - 1)
  res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': end - start + 1 }).end(bytes.subarray(start, end + 1))
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const method = req.method ?? 'GET'
    if (req.headers.range) ranges.push(`${path} ${req.headers.range}`)
    if (path === '/take.mp4') return serve(res, method, req.headers.range, take)
    if (path === '/short.mp4') return serve(res, method, req.headers.range, short)
    if (path === '/no-head.mp4') return method === 'HEAD' ? void res.writeHead(405).end() : serve(res, method, req.headers.range, take)
    if (path === '/moved') return void res.writeHead(302, { location: '/take.mp4' }).end()
    if (path === '/page') return serve(res, method, req.headers.range, Buffer.from('<!DOCTYPE html>'), 'text/html; charset=utf-8')
    if (path === '/huge.mp4') return void res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(300 * 1024 * 1024) }).end()
    return void res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function refusalOf(work: Promise<unknown>): Promise<AppError> {
  try {
    await work
  } catch (error) {
    if (isAppErrorException(error)) return error.error
    throw error
  }
  throw new Error('expected a refusal')
}

describe("checking a user's video link before it counts", () => {
  it('reads type and size from a HEAD and duration, size and frame rate from the index by ranges, never the whole file', async () => {
    ranges.length = 0
    const checked = await checkVideoUrl(`${base}/take.mp4`, onLoopback)
    expect(checked.url).toBe(`${base}/take.mp4`)
    expect(checked.facts).toMatchObject({ width: 1280, height: 720, bytes: take.length, contentType: 'video/mp4' })
    expect(checked.facts.durationSeconds).toBeCloseTo(4, 0)
    expect(checked.facts.fps).toBeCloseTo(24, 0)
    expect(ranges.length).toBeGreaterThan(0)
  })

  it('falls back to a one-byte Range GET where HEAD is refused, and follows redirects', async () => {
    expect((await checkVideoUrl(`${base}/no-head.mp4`, onLoopback)).facts.bytes).toBe(take.length)
    expect((await checkVideoUrl(`${base}/moved`, onLoopback)).facts.width).toBe(1280)
  })

  it('finds a 2 s 480p video and the pre-flight says why it cannot be used', async () => {
    const checked = await checkVideoUrl(`${base}/short.mp4`, onLoopback)
    const messages = validateVideoSource({ kind: 'url', url: 'https://cdn.example.com/short.mp4', facts: checked.facts }, [], 'a next shot', 'source').map((issue) => issue.message)
    expect(messages).toEqual([
      'The video at cdn.example.com is 2 s; a next shot needs 3–10 s.',
      'The video at cdn.example.com is 854×480; a next shot needs 720–2160 px on each side.',
    ])
  })

  it('refuses a web page and a file over 200 MB, in words', async () => {
    expect(await refusalOf(checkVideoUrl(`${base}/page`, onLoopback))).toMatchObject({ code: 'video_url_refused', message: 'The link gives text/html, not an MP4 or MOV video.' })
    expect(await refusalOf(checkVideoUrl(`${base}/huge.mp4`, onLoopback))).toMatchObject({ code: 'video_url_refused', message: 'The video is 300.0 MB; Kling takes at most 200.0 MB.' })
  })

  it('refuses http and links to this computer or a private network (SSRF guard)', async () => {
    expect((await refusalOf(checkVideoUrl(`${base}/take.mp4`))).message).toBe('Only https links can be sent to Kling, not http.')
    const local = await refusalOf(checkVideoUrl('https://127.0.0.1:9/take.mp4'))
    expect(local).toMatchObject({ code: 'video_url_refused' })
    expect(local.message).toContain('on this computer, not on the internet')
    expect((await refusalOf(checkVideoUrl('https://192.168.1.20/take.mp4'))).message).toContain('private network')
    expect((await refusalOf(checkVideoUrl('file:///etc/passwd'))).code).toBe('video_url_refused')
  })
})
