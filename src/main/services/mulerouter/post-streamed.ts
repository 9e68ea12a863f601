import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Socket } from 'node:net'
import { appError, isAppErrorException, type AppError } from '../../../shared/errors'
import type { AssetReader, BodyPlan } from './request-body'
import { writeBody } from './stream-body'
import { createUploadEstimator } from './upload-estimate'
import { createWritePacing } from './write-pacing'

/** How far a POST got, which is all that decides whether it can have created a task. */
export type PostPhase =
  /** No connection yet (DNS, connect, TLS handshake): not a byte of the request has left. */
  | 'connecting'
  /** Connected, the body not yet fully written: the server cannot have parsed it. */
  | 'uploading'
  /** The last body byte was written: the server may have created the task. */
  | 'sent'

export interface PostAnswer {
  status: number
  retryAfter: string | null
  text: string
}

export class PostFailure extends Error {
  constructor(
    readonly phase: PostPhase,
    readonly reason: 'network' | 'idle' | 'cap' | 'answer_cut' | 'answer_too_large' | 'stopped',
    readonly sentBytes: number,
    readonly totalBytes: number,
    /** Set when the body itself could not be produced (an image unreadable): nothing was sent, and this says why. */
    readonly bodyError?: AppError,
    options?: { cause?: unknown },
  ) {
    super(`POST failed while ${phase} (${reason})`, options)
    this.name = 'PostFailure'
  }
}

export interface StreamedPost {
  url: URL
  headers: Record<string, string>
  plan: BodyPlan
  reader: AssetReader
  /**
   * Aborts when nothing moves (no byte written, none received) for this long — after the last byte, once what the
   * OS may still hold has had time to leave (`UploadEstimator.drainAllowanceMs`).
   */
  idleTimeoutMs: number
  /** Aborts however well it moves: no submission should hang for ever. */
  capMs: number
  /**
   * Called every PROGRESS_TICK_MS from the first byte to the answer with the bytes estimated to have left this
   * machine (not merely handed to the OS, which holds megabytes on a slow link) and the link's measured rate.
   */
  onProgress?: (sentBytes: number, totalBytes: number, bytesPerSecond?: number) => void
  /** Stops the upload, but only before its last byte: after that, only the answer can say what happened. */
  signal?: AbortSignal
}

/** JSON task envelopes are small; anything bigger is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024
/** Often enough that a progress bar never stands still for a second, rarely enough to cost nothing. */
const PROGRESS_TICK_MS = 250
const stopWriting = Symbol('stop writing')
const imageUnreadable = appError('disk_error', 'An image of this clip could not be read from the project folder, so nothing was sent.', 'Check that the project folder is still there, then generate again.')

/**
 * POSTs a streamed body with an exact Content-Length over a fresh connection (no keep-alive: a reused socket
 * would blur when this request began), tracking which phase it is in so a failure can be placed exactly.
 */
export function postStreamed(post: StreamedPost): Promise<PostAnswer> {
  const total = post.plan.contentLength
  return new Promise<PostAnswer>((resolve, reject) => {
    const send = post.url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(post.url, { method: 'POST', agent: false, headers: { ...post.headers, 'Content-Length': String(total) } })
    let phase: PostPhase = 'connecting'
    let sent = 0
    let settled = false
    let answering = false
    let idle: NodeJS.Timeout | undefined
    let ticker: NodeJS.Timeout | undefined
    const estimator = createUploadEstimator(total, () => performance.now())
    const report = (): void => {
      const { sentBytes, bytesPerSecond } = estimator.estimate()
      post.onProgress?.(sentBytes, total, bytesPerSecond)
    }
    /** Restarts the idle timer, allowing `drainingMs` more for bytes the OS still holds to leave. */
    const touch = (drainingMs = 0): void => {
      clearTimeout(idle)
      // Never past the cap (which ends it anyway), and within what setTimeout can count.
      idle = setTimeout(() => abort('idle'), Math.min(post.idleTimeoutMs + drainingMs, post.capMs))
    }
    const cap = setTimeout(() => abort('cap'), post.capMs)
    const settle = (done: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(idle)
      clearTimeout(cap)
      clearInterval(ticker)
      done()
    }
    const failWith = (reason: PostFailure['reason'], cause?: unknown, bodyError?: AppError): void =>
      settle(() => reject(new PostFailure(phase, reason, sent, total, bodyError, { cause })))
    function abort(reason: PostFailure['reason'], bodyError?: AppError): void {
      failWith(reason, undefined, bodyError)
      req.destroy()
    }

    req.on('socket', (socket: Socket) => {
      const connected = (): void => {
        if (phase === 'connecting') phase = 'uploading'
        touch()
      }
      socket.once(post.url.protocol === 'https:' ? 'secureConnect' : 'connect', connected)
    })
    const onAbort = (): void => {
      if (phase !== 'sent') abort('stopped')
    }
    post.signal?.addEventListener('abort', onAbort, { once: true })
    req.on('close', () => post.signal?.removeEventListener('abort', onAbort))
    if (post.signal?.aborted) onAbort()
    req.on('error', (error) => failWith('network', error))
    req.on('finish', () => {
      phase = 'sent'
      // The OS took the last byte, but on a slow link it still holds megabytes that leave at the link's rate, and
      // the server answers only once the last arrives: silence meanwhile is the link draining, not a dead server.
      touch(estimator.drainAllowanceMs())
    })
    req.on('response', (res: IncomingMessage) => {
      answering = true
      touch()
      clearInterval(ticker)
      // An answer to the whole body proves every byte arrived.
      if (phase === 'sent') post.onProgress?.(total, total, estimator.estimate().bytesPerSecond)
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        touch()
        size += chunk.byteLength
        if (size > MAX_ANSWER_BYTES) return abort('answer_too_large')
        chunks.push(chunk)
      })
      res.on('end', () => {
        const retryAfter = res.headers['retry-after']
        settle(() => resolve({ status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, text: Buffer.concat(chunks).toString('utf8') }))
        // An early answer (a refusal before the body was read) leaves the rest of the upload pointless.
        if (phase !== 'sent') req.destroy()
      })
      res.on('aborted', () => failWith('answer_cut'))
      res.on('error', (error) => failWith('answer_cut', error))
    })
    touch()

    const pacing = createWritePacing()
    // Resolves once the OS has taken every chunk (the last one's callback), when the socket can take more anyway:
    // the producer reuses a piece's memory after that, so "queued" (write() returning true) is not enough.
    const write = (chunks: readonly (Buffer | string)[]): Promise<void> =>
      new Promise<void>((resolveWrite, rejectWrite) => {
        if (settled || answering) return rejectWrite(stopWriting)
        if (chunks.length === 0) return resolveWrite()
        if (ticker === undefined && post.onProgress) {
          // The first report at the first byte, so even a body gone in less than a tick shows it was under way.
          report()
          ticker = setInterval(report, PROGRESS_TICK_MS)
        }
        let written = 0
        let taken = 0
        const onClose = (): void => rejectWrite(stopWriting)
        req.once('close', onClose)
        const pump = (): void => {
          while (written < chunks.length && pacing.mayHand()) {
            const chunk = chunks[written++]!
            const length = typeof chunk === 'string' ? chunk.length : chunk.byteLength
            const handedAt = performance.now()
            estimator.handed()
            pacing.handed()
            req.write(chunk, (error) => {
              if (error) return
              sent += length
              estimator.taken(length)
              pacing.taken(length, performance.now() - handedAt)
              touch()
              if (++taken < chunks.length) return pump()
              req.off('close', onClose)
              resolveWrite()
            })
          }
        }
        pump()
      })
    writeBody(post.plan, post.reader, write).then(
      () => {
        if (!settled && !answering) req.end()
      },
      (error: unknown) => {
        if (error === stopWriting || settled) return
        abort('network', isAppErrorException(error) ? error.error : imageUnreadable)
      },
    )
  })
}
