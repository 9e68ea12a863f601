import type { IncomingMessage, ServerResponse } from 'node:http'

export interface ServeVideoOptions {
  video: Buffer
  rangeSupport: boolean
  /** Send this many bytes of the answer's body, then destroy the socket. */
  resetAfterBytes?: number
}

/** Serves the result file like a CDN: Range requests answered with 206 when enabled. */
/** Returns the HTTP status it answered with. */
export function serveVideo(req: IncomingMessage, res: ServerResponse, options: ServeVideoOptions): number {
  const { video } = options
  let start = 0
  let end = video.length - 1
  const range = options.rangeSupport ? parseRange(req.headers.range, video.length) : null
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${video.length}` })
    res.end()
    return 416
  }
  const headers: Record<string, string | number> = { 'Content-Type': 'video/mp4', 'Accept-Ranges': options.rangeSupport ? 'bytes' : 'none' }
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
