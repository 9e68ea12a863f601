import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface ServeVideoOptions {
  video: Buffer
  rangeSupport: boolean
  /** Send this many bytes of the answer's body, then destroy the socket. */
  resetAfterBytes?: number
}

const etags = new WeakMap<Buffer, string>()

/** A strong ETag of the bytes, as a CDN sends: a client resuming with If-Range gets the rest only of this file. */
function etagOf(video: Buffer): string {
  let etag = etags.get(video)
  if (etag === undefined) {
    etag = `"${createHash('sha256').update(video).digest('hex').slice(0, 32)}"`
    etags.set(video, etag)
  }
  return etag
}

/**
 * Serves the result file like a CDN: Range requests answered with 206 when enabled, unless an If-Range names
 * another version of the file, which gets the whole file (RFC 9110 §13.1.5). Returns the HTTP status it sent.
 */
export function serveVideo(req: IncomingMessage, res: ServerResponse, options: ServeVideoOptions): number {
  const { video } = options
  let start = 0
  let end = video.length - 1
  const etag = etagOf(video)
  const ifRange = req.headers['if-range']
  const rangeApplies = options.rangeSupport && (ifRange === undefined || ifRange === etag)
  const range = rangeApplies ? parseRange(req.headers.range, video.length) : null
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${video.length}` })
    res.end()
    return 416
  }
  const headers: Record<string, string | number> = { 'Content-Type': 'video/mp4', 'Accept-Ranges': options.rangeSupport ? 'bytes' : 'none', ETag: etag }
  if (range) {
    ;[start, end] = range
    headers['Content-Range'] = `bytes ${start}-${end}/${video.length}`
  }
  const body = video.subarray(start, end + 1)
  headers['Content-Length'] = body.length
  const status = range ? 206 : 200
  res.writeHead(status, headers)
  if (req.method === 'HEAD') {
    res.end()
    return status
  }
  if (options.resetAfterBytes !== undefined) {
    const sent = Math.max(0, Math.min(options.resetAfterBytes, body.length - 1))
    // Destroy only once the partial body has reached the socket, so the client really holds those bytes.
    res.write(body.subarray(0, sent), () => setTimeout(() => res.socket?.destroy(), 20))
    return status
  }
  res.end(body)
  return status
}

function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    const suffix = Number(match[2])
    return suffix === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1]
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return [start, end]
}
