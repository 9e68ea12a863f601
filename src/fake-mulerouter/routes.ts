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

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
