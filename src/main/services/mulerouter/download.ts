import { mkdir, rename, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppErrorException, appError, fail } from '../../../shared/errors'
import { isCompleteMp4 } from './mp4-structure'
import { classifyNetworkError } from './network-errors'
import { openPartial, rangeValidator, readPartial, removePartial, writePartialInfo } from './partial-file'

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
  /**
   * Where the bytes collect until the file is whole (default `<destPath>.part`). It is kept when an attempt
   * fails, so the next attempt with the same path resumes it instead of starting from zero.
   */
  partialPath?: string
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
    'MuleRouter keeps results only for a short time. The take keeps its task id; click Check again for a fresh link, or generate the clip again.',
  )
const failed = (why: string) => appError('download_failed', `The video could not be downloaded: ${why}.`, 'Check your connection and try the download again.')

/** Thrown inside one attempt when the connection broke: the loop decides whether to resume. */
class BrokenTransfer extends Error {}

interface TransferState {
  received: number
  total: number | null
  validator: string | null
  resumes: number
}

/**
 * Streams a result video into a partial file beside `destPath`, then renames it into place, so a half-written
 * file never looks like a finished video. A broken connection resumes with `Range` + `If-Range` (within this
 * call and across calls with the same partial file); the size must match what the server announced, and a file
 * of unannounced size is accepted only as a complete MP4.
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
  const partialPath = options.partialPath ?? `${destPath}.part`
  const resumable = await readPartial(partialPath)
  const state: TransferState = { received: resumable?.bytes ?? 0, total: resumable?.info.total ?? null, validator: resumable?.info.validator ?? null, resumes: 0 }
  const file = await openPartial(partialPath, resumable !== null)
  const maxResumes = options.maxResumes ?? 3
  try {
    for (;;) {
      try {
        await transferOnce(fetchImpl, parsed, file, partialPath, state, options)
        break
      } catch (error) {
        if (!(error instanceof BrokenTransfer) || state.resumes >= maxResumes) throw error
        state.resumes++
      }
    }
    await verifyWhole(file, state)
    await file.sync()
    await file.close()
    await rename(partialPath, destPath)
    await removePartial(partialPath)
    return { bytes: state.received, resumes: state.resumes }
  } catch (error) {
    await file.close().catch(() => undefined)
    // Bytes are kept for the next attempt; an empty partial file is only litter.
    if (state.received === 0) await removePartial(partialPath)
    if (error instanceof BrokenTransfer) throw new AppErrorException(failed('the connection kept breaking'))
    throw error
  }
}

async function verifyWhole(file: FileHandle, state: TransferState): Promise<void> {
  if (state.received === 0) fail('download_failed', 'MuleRouter sent an empty video file.', 'Try the download again; if it stays empty, generate the clip again.')
  if (state.total !== null) {
    if (state.received !== state.total) throw new BrokenTransfer('short body')
    return
  }
  if (!(await isCompleteMp4(file, state.received))) {
    // Without a length there is no telling where the file was cut, so nothing here is worth resuming.
    await file.truncate(0)
    state.received = 0
    throw new AppErrorException(failed('the file arrived incomplete'))
  }
}

async function transferOnce(fetchImpl: typeof fetch, url: URL, file: FileHandle, partialPath: string, state: TransferState, options: DownloadOptions & Transport): Promise<void> {
  const stall = new AbortController()
  let timer = setTimeout(() => stall.abort(new DOMException('stalled', 'TimeoutError')), options.timeoutMs)
  const keepAlive = () => {
    clearTimeout(timer)
    timer = setTimeout(() => stall.abort(new DOMException('stalled', 'TimeoutError')), options.timeoutMs)
  }
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal
  // Identity encoding keeps Content-Length and byte ranges about the file itself.
  const headers: Record<string, string> = { 'User-Agent': options.userAgent, 'Accept-Encoding': 'identity' }
  const resuming = state.received > 0 && state.validator !== null
  if (resuming) {
    headers.Range = `bytes=${state.received}-`
    headers['If-Range'] = state.validator as string
  }
  try {
    let response: Response
    try {
      response = await fetchImpl(url, { headers, signal })
    } catch (error) {
      throw networkError(error, options.signal)
    }
    if (response.status === 403 || response.status === 404 || response.status === 410) throw new AppErrorException(expired())
    if (response.status === 416 && resuming && rangeTotal(response.headers.get('content-range')) === state.received) {
      // Everything had already arrived before the last connection broke.
      state.total = state.received
      return
    }
    if (!response.ok || !response.body) throw new AppErrorException(failed(`the server answered HTTP ${response.status}`))
    const resumedAt = response.status === 206 ? contentRangeStart(response.headers.get('content-range')) : null
    if (!resuming || response.status !== 206 || resumedAt !== state.received) {
      // A fresh start, a server that ignored the range, or a file that changed (If-Range): take it whole.
      state.received = 0
      await file.truncate(0)
    }
    state.total = expectedTotal(response)
    state.validator = rangeValidator(response.headers)
    await writePartialInfo(partialPath, { validator: state.validator, total: state.total })
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
    if (state.total !== null && state.received > state.total) {
      await file.truncate(0)
      state.received = 0
      throw new AppErrorException(failed('the file is larger than announced'))
    }
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

function rangeTotal(header: string | null): number | null {
  const match = header ? /\/(\d+)$/.exec(header.trim()) : null
  return match ? Number(match[1]) : null
}

/**
 * The whole file's size, from Content-Range on a partial answer or Content-Length on a full one. A partial answer
 * whose Content-Length disagrees with its range says nothing trustworthy, so the size counts as unknown.
 */
function expectedTotal(response: Response): number | null {
  if (response.headers.get('content-encoding')) return null
  const length = response.headers.get('content-length')
  const bytes = length !== null && /^\d+$/.test(length) ? Number(length) : null
  if (response.status !== 206) return bytes
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range')?.trim() ?? '')
  if (!match) return null
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return bytes === null || bytes === end - start + 1 ? total : null
}
