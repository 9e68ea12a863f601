import { promises as fs } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addressKind } from '../../../src/main/services/web-images/address-kind'
import type { AddressPolicy, ResolvedAddress } from '../../../src/main/services/web-images/checked-address'
import { downloadImage } from '../../../src/main/services/web-images/download-image'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

const limits = { maxBytes: 1024 * 1024, timeoutMs: 2000, maxRedirects: 5 }
let server: Server
let port: number
let webp: Buffer
/** Every request the test server saw, as `host path`, so a test can prove a refused link was never fetched. */
let seen: string[] = []

beforeAll(async () => {
  webp = await fs.readFile(path.join(__dirname, '../../fixtures/images/marker.webp'))
  server = createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`)
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('to')
    if (target) return res.writeHead(302, { location: target }).end()
    return res.writeHead(200).end(webp)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => server.close())
beforeEach(() => {
  seen = []
})

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 })

/**
 * DNS as the test says, and the real judgement of addresses except that the test server (127.0.0.1) counts as a
 * public web server: the only way to test what happens after an "allowed" host without leaving loopback.
 */
function fakeInternet(names: Record<string, string[]>): AddressPolicy & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    resolve: async (hostname) => {
      asked.push(hostname)
      const answer = names[hostname]
      if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
      return answer.map(v4)
    },
    kindOf: (address) => (address === '127.0.0.1' ? 'public' : addressKind(address)),
  }
}

const refusedAsPrivate = (message: RegExp) => ({ error: expect.objectContaining({ code: 'image_url_private', message: expect.stringMatching(message), hint: expect.stringMatching(/trust/) }) })

describe('a dropped link that leads to this computer or a private network', () => {
  it('is refused for 127.0.0.1 until the user confirms, then downloaded', async () => {
    const url = `http://127.0.0.1:${port}/harbour.webp`
    await expect(downloadImage(url, { allowPrivate: false, limits })).rejects.toMatchObject(refusedAsPrivate(/127\.0\.0\.1:\d+, which is on this computer/))
    expect(seen).toEqual([])
    const image = await downloadImage(url, { allowPrivate: true, limits })
    expect(image.name).toBe('harbour.webp')
    expect(Buffer.from(image.bytes).equals(webp)).toBe(true)
  })

  for (const literal of ['[::1]', '[::ffff:127.0.0.1]', '0x7f.1', '2130706433', '0.0.0.0', '[::]']) {
    it(`is refused when written as ${literal}, without connecting`, async () => {
      await expect(downloadImage(`http://${literal}:${port}/x.png`, { allowPrivate: false, limits })).rejects.toMatchObject(refusedAsPrivate(/on this computer/))
      expect(seen).toEqual([])
    })
  }

  const lookups = [
    { answer: ['127.0.0.1'], message: /images\.example \(127\.0\.0\.1\), which is on this computer/ },
    { answer: ['10.0.0.7'], message: /images\.example \(10\.0\.0\.7\), which is on a private network/ },
    { answer: ['169.254.169.254'], message: /images\.example \(169\.254\.169\.254\), which is on a private network/ },
    { answer: ['93.184.215.14', '192.168.1.20'], message: /images\.example \(192\.168\.1\.20\)/ },
  ]
  for (const { answer, message } of lookups) {
    it(`is refused when a public-looking name resolves to ${answer.join(' and ')}`, async () => {
      const addresses = { ...fakeInternet({ 'images.example': answer }), kindOf: addressKind }
      await expect(downloadImage('https://images.example/photo.jpg', { allowPrivate: false, limits, addresses })).rejects.toMatchObject(refusedAsPrivate(message))
    })
  }

  for (const to of ['http://intranet.example/secret.png', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.7]/x.png']) {
    it(`is refused when an allowed host redirects to it (${to})`, async () => {
      const addresses = fakeInternet({ 'images.example': ['127.0.0.1'], 'intranet.example': ['10.0.0.7'] })
      const url = `http://images.example:${port}/hop?to=${encodeURIComponent(to)}`
      await expect(downloadImage(url, { allowPrivate: false, limits, addresses })).rejects.toMatchObject(refusedAsPrivate(/on a private network/))
      expect(seen).toEqual([`images.example:${port} /hop?to=${encodeURIComponent(to)}`])
    })
  }
})

describe('a dropped link to a public host', () => {
  it('connects to the address that was checked, naming the host, without asking DNS again', async () => {
    // A second lookup would answer differently (DNS rebinding); the name is looked up once per hop and never by the connection.
    const answers = [['127.0.0.1'], ['10.0.0.7']]
    const addresses: AddressPolicy & { asked: string[] } = {
      ...fakeInternet({}),
      resolve: async (hostname) => {
        addresses.asked.push(hostname)
        return (answers.shift() ?? []).map(v4)
      },
    }
    const image = await downloadImage(`http://images.example:${port}/photo.webp`, { allowPrivate: false, limits, addresses })
    expect(Buffer.from(image.bytes).equals(webp)).toBe(true)
    expect(seen).toEqual([`images.example:${port} /photo.webp`])
    expect(addresses.asked).toEqual(['images.example'])
  })

  it('looks up every host of a redirect chain', async () => {
    const addresses = fakeInternet({ 'images.example': ['127.0.0.1'], 'cdn.example': ['127.0.0.1'] })
    const url = `http://images.example:${port}/hop?to=${encodeURIComponent(`http://cdn.example:${port}/harbour.webp`)}`
    const image = await downloadImage(url, { allowPrivate: false, limits, addresses })
    expect(image.name).toBe('harbour.webp')
    expect(addresses.asked).toEqual(['images.example', 'cdn.example'])
  })
})

describe('assets:importUrl', () => {
  let main: MainUnderTest
  beforeEach(async () => {
    main = await startMain()
  })
  afterEach(() => main.dispose())

  it('refuses a link to this computer with image_url_private, and imports it when the request says the user allowed it', async () => {
    await main.call('project:create', { name: 'From the web' })
    const url = `http://127.0.0.1:${port}/harbour.webp`
    const refused = await main.call('assets:importUrl', { url })
    expect(refused.assets).toEqual([])
    expect(refused.rejected).toEqual([{ name: url, error: expect.objectContaining({ code: 'image_url_private' }) }])
    expect(seen).toEqual([])
    const allowed = await main.call('assets:importUrl', { url, allowPrivate: true })
    expect(allowed.rejected).toEqual([])
    expect(allowed.assets).toEqual([expect.objectContaining({ originalName: 'harbour.webp' })])
  })
})
