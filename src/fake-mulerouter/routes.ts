import type { IncomingMessage } from 'node:http'

/** The fake keeps its own copy of the path, so a typo in the client's would fail the tests. */
export const FAKE_SUBMIT_PATH = '/vendors/klingai/v1/kling-v3-omni/text-to-video/generation'
const MAX_BODY_BYTES = 120 * 1024 * 1024

export type RouteMatch = { route: 'submit' } | { route: 'get'; taskId: string } | { route: 'download'; taskId: string; fileName: string }

export function matchRoute(method: string, path: string): RouteMatch | null {
  if (path === FAKE_SUBMIT_PATH && method === 'POST') return { route: 'submit' }
  if (path.startsWith(`${FAKE_SUBMIT_PATH}/`) && method === 'GET') {
    const taskId = decodeURIComponent(path.slice(FAKE_SUBMIT_PATH.length + 1))
    return taskId && !taskId.includes('/') ? { route: 'get', taskId } : null
  }
  const file = /^\/files\/([^/]+)\/([^/]+)$/.exec(path)
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
