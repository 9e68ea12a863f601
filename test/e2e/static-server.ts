import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

type MediaHandler = (request: Request) => Promise<Response>

/**
 * Serves the production renderer build the way Electron's file loader would: files only, nothing else; and under
 * `media/` whatever the main process's media handler answers, as Electron's `omniboard-media:` protocol would.
 */
export async function serveDirectory(root: string): Promise<{ url: string; mediaBase: string; setMediaHandler(handler: MediaHandler): void; close(): Promise<void> }> {
  let media: MediaHandler | null = null
  let base = ''
  const server: Server = createServer(async (request, response) => {
    if (media && request.url?.startsWith('/media/')) return void forward(media, base, request, response)
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '')
    const file = join(root, relative)
    if (!file.startsWith(root + sep)) return void response.writeHead(403).end()
    try {
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('static server has no port')
  base = `http://127.0.0.1:${address.port}/`
  return {
    url: base,
    mediaBase: `${base}media/`,
    setMediaHandler: (handler) => void (media = handler),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function forward(media: MediaHandler, base: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value)
  const answer = await media(new Request(new URL(request.url ?? '/', base), { method: request.method ?? 'GET', headers }))
  response.writeHead(answer.status, Object.fromEntries(answer.headers))
  if (!answer.body) return void response.end()
  // A video element drops range requests it no longer needs; stop reading the file when it does.
  const body = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>)
  response.on('close', () => body.destroy())
  body.pipe(response)
}
