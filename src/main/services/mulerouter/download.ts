import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppErrorException, appError, fail } from '../../../shared/errors'
import { classifyNetworkError } from './network-errors'

export interface DownloadProgress {
  receivedBytes: number
  /** Null when the server does not say how big the file is. */
  totalBytes: number | null
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void
  /** Aborting rejects with the signal's reason, not an AppError: the caller asked for it. */
  signal?: AbortSignal
  /** How many times a connection that breaks mid-file is picked up again before giving up. */
  maxResumes?: number
}

export interface DownloadResult {
  bytes: number
  /** How many times the transfer was picked up again after a broken connection. */
  resumes: number
}

interface Transport {
  userAgent: string
  /** Abort when no byte arrives for this long; a large file may take much longer in total. */
  timeoutMs: number
}

const expired = () =>
  appError(
    'download_expired',
    'The link to this video has expired.',
    'MuleRouter keeps results only for a short time. The take keeps its task id; generate the clip again to get a new video.',
  )
const failed = (why: string) => appError('download_failed', `The video could not be downloaded: ${why}.`, 'Check your connection and try the download again.')

/** Thrown inside one attempt when the connection broke: the loop decides whether to resume. */
class BrokenTransfer extends Error {}

/**
 * Streams a result video to a temp file beside `destPath`, then renames it into place, so a half-written
 * file never looks like a finished video. A connection that breaks mid-file resumes with `Range` where the
 * server allows it, and starts over where it does not.
 */
export async function downloadVideo(fetchImpl: typeof fetch, url: string, destPath: string, options: DownloadOptions & Transport): Promise<DownloadResult> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return fail('download_failed', 'The video address from MuleRouter is not valid.', 'Generate the clip again.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail('download_failed', 'The video address from MuleRouter is not a web address.', 'Generate the clip again.')
  await mkdir(dirname(destPath), { recursive: true })
  const tempPath = `${destPath}.${randomUUID().slice(0, 8)}.part`
  const file = await open(tempPath, 'w')
  const state = { received: 0, total: null as number | null, resumes: 0 }
  const maxResumes = options.maxResumes ?? 3
  try {
    for (;;) {
      try {
        await transferOnce(fetchImpl, parsed, file, state, options)
        break
      } catch (error) {
        if (!(error instanceof BrokenTransfer) || state.resumes >= maxResumes) throw error
        state.resumes++
      }
    }
    if (state.received === 0) fail('download_failed', 'MuleRouter sent an empty video file.', 'Try the download again; if it stays empty, generate the clip again.')
    await file.sync()
    await file.close()
    await rename(tempPath, destPath)
    return { bytes: state.received, resumes: state.resumes }
  } catch (error) {
    await file.close().catch(() => undefined)
    await rm(tempPath, { force: true })
    if (error instanceof BrokenTransfer) throw new AppErrorException(failed('the connection kept breaking'))
    throw error
  }
}

async function transferOnce(
  fetchImpl: typeof fetch,
  url: URL,
  file: FileHandle,
  state: { received: number; total: number | null },
  options: DownloadOptions & Transport,
): Promise<void> {
  const stall = new AbortController()
  let timer = setTimeout(() => stall.abort(new DOMException('stalled', 'TimeoutError')), options.timeoutMs)
  const keepAlive = () => {
    clearTimeout(timer)
    timer = setTimeout(() => stall.abort(new DOMException('stalled', 'TimeoutError')), options.timeoutMs)
  }
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal
  // Identity encoding keeps Content-Length and byte ranges about the file itself.
  const headers: Record<string, string> = { 'User-Agent': options.userAgent, 'Accept-Encoding': 'identity' }
  if (state.received > 0) headers.Range = `bytes=${state.received}-`
  try {
    let response: Response
    try {
      response = await fetchImpl(url, { headers, signal })
    } catch (error) {
      throw networkError(error, options.signal)
    }
    if (response.status === 403 || response.status === 404 || response.status === 410) throw new AppErrorException(expired())
    if (!response.ok || !response.body) throw new AppErrorException(failed(`the server answered HTTP ${response.status}`))
    const resumedAt = response.status === 206 ? contentRangeStart(response.headers.get('content-range')) : null
    if (resumedAt !== state.received || response.status !== 206) {
      // The server ignored the range (or answered a different one): start the file over.
      state.received = 0
      await file.truncate(0)
    }
    state.total = expectedTotal(response) ?? state.total
    options.onProgress?.({ receivedBytes: state.received, totalBytes: state.total })
    const reader = response.body.getReader()
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        chunk = await reader.read()
      } catch (error) {
        throw networkError(error, options.signal)
      }
      if (chunk.done) break
      keepAlive()
      await file.write(chunk.value, 0, chunk.value.byteLength, state.received)
      state.received += chunk.value.byteLength
      options.onProgress?.({ receivedBytes: state.received, totalBytes: state.total })
    }
    if (state.total !== null && state.received < state.total) throw new BrokenTransfer('short body')
    if (state.total !== null && state.received > state.total) throw new AppErrorException(failed('the file is larger than announced'))
  } finally {
    clearTimeout(timer)
  }
}

function networkError(error: unknown, userSignal: AbortSignal | undefined): unknown {
  if (userSignal?.aborted) return userSignal.reason
  const failure = classifyNetworkError(error)
  if (failure === 'not_sent') return new AppErrorException(appError('network_offline', 'Could not connect to the video server.', 'Check your internet connection; the download will be tried again.'))
  return new BrokenTransfer(failure)
}

function contentRangeStart(header: string | null): number | null {
  const match = header ? /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header.trim()) : null
  return match ? Number(match[1]) : null
}

/** The whole file's size, from Content-Range on a partial answer or Content-Length on a full one. */
function expectedTotal(response: Response): number | null {
  if (response.headers.get('content-encoding')) return null
  if (response.status === 206) {
    const match = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
    return match ? Number(match[1]) : null
  }
  const length = response.headers.get('content-length')
  return length !== null && /^\d+$/.test(length) ? Number(length) : null
}
