import { promises as fs } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject } from '../../../src/main/services/project/open-project'
import { importFromUrl } from '../../../src/main/services/web-images/import-from-url'
import { snapshotFolder, tempDir, testDeps } from '../project/temp-project'

const limits = { maxBytes: 1024 * 1024, timeoutMs: 1000, maxRedirects: 5 }
/** The test server is on this computer, so each download here is one the user confirmed. */
const confirmed = { allowPrivate: true, limits }
let server: Server
let base: string
let webp: Buffer

/** A web server with the pages a drag from a browser can lead to. */
beforeAll(async () => {
  webp = await fs.readFile(path.join(__dirname, '../../fixtures/images/marker.webp'))
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const hops = Number(url.searchParams.get('hops') ?? 0)
    if (url.pathname === '/images/harbour%20at%20dawn.webp') return res.writeHead(200, { 'content-type': 'text/plain' }).end(webp)
    if (url.pathname === '/hop') return res.writeHead(302, { location: hops > 0 ? `/hop?hops=${hops - 1}` : '/images/harbour%20at%20dawn.webp' }).end()
    if (url.pathname === '/to-file') return res.writeHead(301, { location: 'file:///etc/passwd' }).end()
    if (url.pathname === '/page') return res.writeHead(200, { 'content-type': 'image/png' }).end('<!DOCTYPE html><html><body><img src="x.png"></body></html>')
    if (url.pathname === '/huge') return res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end()
    if (url.pathname === '/huge-unannounced') {
      res.writeHead(200)
      const chunk = Buffer.alloc(64 * 1024, 1)
      const send = () => (res.write(chunk) ? setImmediate(send) : res.once('drain', send))
      res.on('close', () => res.destroy())
      return send()
    }
    if (url.pathname === '/slow') return res.writeHead(200).write(webp.subarray(0, 10))
    return res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const openProject = async () => createProject(await tempDir(), 'From the web', testDeps({ autosaveDelayMs: 60_000 }))

describe('dropping an image dragged from a browser', () => {
  it('downloads it, judges it by its bytes, converts it and names it after the link', async () => {
    const session = await openProject()
    const { assets, rejected } = await importFromUrl(session, `${base}/hop?hops=2`, confirmed)
    expect(rejected).toEqual([])
    expect(assets[0]).toMatchObject({ originalName: 'harbour at dawn.webp', mime: 'image/jpeg', conversion: { from: 'webp' } })
    expect(session.project().assets).toHaveLength(1)
    await session.close()
  })

  const refusals = [
    { what: 'a link that redirects too often', url: () => `${base}/hop?hops=9`, message: /redirected more than 5 times/ },
    { what: 'a redirect to a file: URL', url: () => `${base}/to-file`, message: /Only http and https links/ },
    { what: 'a file: link', url: () => 'file:///etc/passwd', message: /Only http and https links can be downloaded, not file/ },
    { what: 'a web page served as image/png', url: () => `${base}/page`, message: /opens a web page, not an image/ },
    { what: 'an image announced as too big', url: () => `${base}/huge`, message: /larger than 1\.0 MB/ },
    { what: 'an endless download without a length', url: () => `${base}/huge-unannounced`, message: /larger than 1\.0 MB/ },
    { what: 'a download that stalls', url: () => `${base}/slow`, message: /took longer than 1 s/ },
    { what: 'a missing image', url: () => `${base}/gone.png`, message: /answered 404/ },
    { what: 'a server that is not there', url: () => 'http://127.0.0.1:9/x.png', message: /Could not reach 127\.0\.0\.1:9/ },
  ]
  for (const refusal of refusals) {
    it(`refuses ${refusal.what} and leaves the project unchanged`, async () => {
      const session = await openProject()
      const before = await snapshotFolder(session.dir)
      const { assets, rejected } = await importFromUrl(session, refusal.url(), confirmed)
      expect(assets).toEqual([])
      expect(rejected).toEqual([{ name: refusal.url(), error: expect.objectContaining({ code: 'image_download_failed', message: expect.stringMatching(refusal.message) }) }])
      expect(rejected[0]!.error.hint).not.toBe('')
      expect(await snapshotFolder(session.dir)).toEqual(before)
      await session.close()
    })
  }
})
