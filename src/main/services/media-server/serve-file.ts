import type { promises as fs } from 'node:fs'
import { Readable } from 'node:stream'
import { isAppErrorException } from '../../../shared/errors'
import { openContained } from '../disk/contained-file'
import { parseByteRange } from './byte-range'

export type FileAnswer = { mime: string; cache: 'immutable' | 'revalidate' }

const plain = (status: number, headers: Record<string, string> = {}): Response => new Response(null, { status, headers })

/**
 * Streams one file of the open project from disk, answering a byte range with 206, so a 500 MB take plays and
 * seeks without being read whole. A link or special file planted in the folder `root` is refused, never followed.
 */
export async function serveFile(root: string, filePath: string, request: Request, answer: FileAnswer): Promise<Response> {
  let handle: fs.FileHandle
  try {
    handle = (await openContained(root, filePath)).handle
  } catch (error) {
    return plain(isAppErrorException(error) && error.error.code === 'project_unsafe_file' ? 403 : 404)
  }
  // The stream closes the handle once it ends; every other way out closes it here.
  let streaming = false
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return plain(404)
    const headers: Record<string, string> = {
      'Content-Type': answer.mime,
      'Accept-Ranges': 'bytes',
      // Thumbnails and assets are named by the hash of their bytes; a take file can be downloaded again.
      'Cache-Control': answer.cache === 'immutable' ? 'private, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    }
    const range = parseByteRange(request.headers.get('range'), stat.size)
    if (range === 'unsatisfiable') return plain(416, { 'Content-Range': `bytes */${stat.size}` })
    const start = range?.start ?? 0
    const end = range?.end ?? stat.size - 1
    headers['Content-Length'] = String(Math.max(0, end - start + 1))
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`
    if (request.method === 'HEAD' || stat.size === 0) return new Response(null, { status: range ? 206 : 200, headers })
    const stream = handle.createReadStream({ start, end, autoClose: true })
    streaming = true
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: range ? 206 : 200, headers })
  } catch {
    return plain(500)
  } finally {
    if (!streaming) await handle.close().catch(() => undefined)
  }
}
