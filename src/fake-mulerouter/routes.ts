import type { IncomingMessage } from 'node:http'

/** The fake keeps its own copy of the paths, so a typo in the client's would fail the tests. */
const OMNI = '/vendors/klingai/v1/kling-v3-omni'
export const FAKE_PATHS = ['text-to-video/generation', 'reference-to-video/generation', 'video-to-video/edit', 'video-to-video/generation'] as const
export type FakePath = (typeof FAKE_PATHS)[number]
export const FAKE_SUBMIT_PATH = `${OMNI}/text-to-video/generation`
const MAX_BODY_BYTES = 120 * 1024 * 1024

export type RouteMatch =
  | { route: 'submit'; path: FakePath }
  | { route: 'get'; taskId: string; path: FakePath }
  | { route: 'download'; taskId: string; fileName: string }

export function matchRoute(method: string, urlPath: string): RouteMatch | null {
  for (const path of FAKE_PATHS) {
    const submit = `${OMNI}/${path}`
    if (urlPath === submit && method === 'POST') return { route: 'submit', path }
    if (urlPath.startsWith(`${submit}/`) && method === 'GET') {
      const taskId = decodeURIComponent(urlPath.slice(submit.length + 1))
      return taskId && !taskId.includes('/') ? { route: 'get', taskId, path } : null
    }
  }
  const file = /^\/files\/([^/]+)\/([^/]+)$/.exec(urlPath)
  if (file && (method === 'GET' || method === 'HEAD')) return { route: 'download', taskId: file[1] ?? '', fileName: file[2] ?? '' }
  return null
}

export interface UploadFault {
  bytesPerSecond?: number
  /** Fraction (0–1) of the declared Content-Length after which the connection is dropped. */
  cutAtFraction?: number
}

export interface ReadBody {
  bytes: Buffer
  /** The body stopped before its end: cut by a fault, or by the client going away. */
  cut: boolean
}

/** Reads the whole body, at a limited rate or cut off part-way when a fault says so. Never rejects. */
export function readBody(req: IncomingMessage, fault: UploadFault = {}): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const started = Date.now()
    const declared = Number(req.headers['content-length'] ?? 0)
    const cutAt = fault.cutAtFraction === undefined ? Infinity : Math.max(1, Math.floor(declared * fault.cutAtFraction))
    let size = 0
    let timer: NodeJS.Timeout | undefined
    let done = false
    const finish = (cut: boolean): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve({ bytes: Buffer.concat(chunks), cut })
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) return void req.destroy(new Error('body too large'))
      chunks.push(size > cutAt ? chunk.subarray(0, chunk.length - (size - cutAt)) : chunk)
      if (size >= cutAt) {
        req.socket.destroy()
        return finish(true)
      }
      if (fault.bytesPerSecond === undefined) return
      const wait = (size / fault.bytesPerSecond) * 1000 - (Date.now() - started)
      if (wait <= 0) return
      req.pause()
      timer = setTimeout(() => req.resume(), wait)
    })
    req.on('end', () => finish(false))
    req.on('error', () => finish(true))
    req.on('close', () => finish(!req.complete))
  })
}
