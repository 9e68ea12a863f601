import type { GenerationPath } from '../../../shared/domain/video-reference'
import { AppErrorException, fail, type AppError } from '../../../shared/errors'
import { downloadVideo, type DownloadOptions, type DownloadResult } from './download'
import { errorForStatus, malformedAnswer, parseRetryAfter, redactSecret, serverDetail } from './http-errors'
import { classifyNetworkError, errorForNetworkFailure, errorForPostFailure, submitOutcomeUnknown } from './network-errors'
import { PostFailure, postStreamed, type PostAnswer } from './post-streamed'
import { taskFailed } from './task-errors'
import { planBody, type RequestBody } from './request-body'
import {
  TaskEnvelopeSchema,
  classifyTaskStatus,
  generationUrlPath,
  taskPath,
  type StatusKind,
  type TaskEnvelope,
  type TaskError,
} from './request-schema'

export interface MuleRouterClientOptions {
  baseUrl: string
  /** Read on every request, so a key changed in Settings applies at once and is never cached here. */
  apiKey: () => string | null
  /** Reads only (GET, downloads); a submission streams its body over node:http(s) so every byte is accounted for. */
  fetch?: typeof fetch
  /** Whole-request limit for reads, whose answers are small. */
  timeoutMs: number
  /** A submission is given up when nothing moves either way for this long (default: timeoutMs) … */
  idleTimeoutMs?: number
  /** … or when it takes longer than this in all, however well it moves. */
  submitCapMs?: number
  userAgent: string
  now?: () => number
}

export interface SubmitOptions {
  /** Several times a second from the first byte to the answer: bytes estimated to have left, and the link's rate once measured. */
  onUploadProgress?: (sentBytes: number, totalBytes: number, bytesPerSecond?: number) => void
  /** Abandons the upload while that is still free of risk (before the last byte); ignored after it. */
  signal?: AbortSignal
}

export interface SubmitResult {
  taskId: string
  status: string
  statusKind: StatusKind
  raw: unknown
}

export interface TaskState {
  taskId: string
  status: string
  statusKind: StatusKind
  videos: string[]
  /** Set when the task failed: a `task_failed` (or, refused for its content, `task_refused`) AppError with its code, title and detail. */
  error?: AppError
  taskError?: TaskError
  raw: unknown
}

export interface MuleRouterClient {
  /**
   * Creates a paid task. Never retries. Failures are thrown as AppErrorException:
   * `network_offline` from submit means the request provably never left (safe to send again);
   * `upload_interrupted` means the body was cut off before its last byte, so no task can exist;
   * `submit_outcome_unknown` means it may have been received (timeout, reset, 5xx, unreadable 2xx);
   * any other code is the server's clear refusal, so no task exists.
   */
  submit(body: RequestBody, options?: SubmitOptions): Promise<SubmitResult>
  /** Safe to retry: reading a task costs nothing. Read on the path the task was made on (default text-to-video). */
  getTask(taskId: string, path?: GenerationPath): Promise<TaskState>
  /** Resolves when the key is accepted; throws `api_unauthorized` (or a network error) otherwise. */
  checkKey(): Promise<void>
  /** Result URLs are presigned: downloaded without the API key, so it never reaches a CDN. */
  download(url: string, destPath: string, options?: DownloadOptions): Promise<DownloadResult>
}

/** A well-formed id no task will ever have: GETting it costs nothing and proves the key works. */
export const KEY_CHECK_TASK_ID = '00000000-0000-0000-0000-000000000000'

export const omniboardUserAgent = (version: string, platform: string = process.platform, arch: string = process.arch): string =>
  `Omniboard/${version} (${platform}; ${arch})`

/** Only submit needs to know: the rule for a POST is different because it may cost money. */
export const submitWasNotSent = (error: AppError): boolean => error.code === 'network_offline'

type Phase = 'submit' | 'read'

/** Generous: a large body on a slow link takes minutes; the idle timeout catches a stuck upload much sooner. */
const DEFAULT_SUBMIT_CAP_MS = 30 * 60_000

export function createMuleRouterClient(options: MuleRouterClientOptions): MuleRouterClient {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const now = options.now ?? Date.now
  const base = options.baseUrl.trim().replace(/\/+$/, '')

  function resolveUrl(path: string): URL {
    try {
      const url = new URL(base + path)
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol')
      return url
    } catch {
      return fail('invalid_request', 'The MuleRouter base URL is not a valid web address.', 'Fix the base URL in Settings.')
    }
  }

  /** Everything thrown from a request is an AppErrorException whose text has passed through redaction. */
  function prepare(path: string) {
    const key = options.apiKey()?.trim()
    if (!key) fail('no_api_key', 'No MuleRouter API key is set.', 'Add your key in Settings.')
    // fetch would throw on such a header with the value in its message, and nothing would be sent anyway.
    if (!/^[\x21-\x7e]+$/.test(key)) fail('invalid_request', 'The API key contains characters that cannot be sent.', 'Paste the key again in Settings.')
    const url = resolveUrl(path)
    const raise = (error: AppError): never => {
      throw new AppErrorException({ ...error, message: redactSecret(error.message, key), hint: redactSecret(error.hint, key) })
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: 'application/json', 'User-Agent': options.userAgent }
    return { key, url, raise, headers }
  }

  function interpret(answer: { status: number; retryAfter: string | null; text: string }, phase: Phase, key: string, raise: (error: AppError) => never): unknown {
    const json = parseJson(answer.text)
    if (answer.status < 200 || answer.status > 299) {
      const error = errorForStatus(answer.status, serverDetail(json), parseRetryAfter(answer.retryAfter, now()))
      if (phase === 'submit' && error.code === 'api_server_error') {
        // A gateway can fail after the task was created upstream; resending could pay twice.
        return raise(submitOutcomeUnknown(`MuleRouter answered with a server error (HTTP ${answer.status})`))
      }
      return raise(error)
    }
    if (json === undefined) {
      return raise(phase === 'submit' ? submitOutcomeUnknown('its answer was not readable') : malformedAnswer('not JSON'))
    }
    return JSON.parse(redactSecret(JSON.stringify(json), key)) as unknown
  }

  async function getJson(path: string): Promise<unknown> {
    const { key, url, raise, headers } = prepare(path)
    let response: Response
    let text: string
    try {
      response = await fetchImpl(url, { method: 'GET', headers, signal: AbortSignal.timeout(options.timeoutMs) })
    } catch (error) {
      return raise(errorForNetworkFailure(classifyNetworkError(error), url.host))
    }
    try {
      text = await response.text()
    } catch (error) {
      const failure = classifyNetworkError(error)
      return raise(errorForNetworkFailure(failure === 'not_sent' ? 'connection_lost' : failure, url.host))
    }
    return interpret({ status: response.status, retryAfter: response.headers.get('retry-after'), text }, 'read', key, raise)
  }

  async function postBody(path: string, body: RequestBody, submitOptions: SubmitOptions = {}): Promise<unknown> {
    const { key, url, raise, headers } = prepare(path)
    let answer: PostAnswer
    try {
      answer = await postStreamed({
        url,
        headers: { ...headers, 'Content-Type': 'application/json' },
        plan: planBody(body),
        reader: body.reader,
        idleTimeoutMs: options.idleTimeoutMs ?? options.timeoutMs,
        capMs: options.submitCapMs ?? DEFAULT_SUBMIT_CAP_MS,
        ...(submitOptions.onUploadProgress ? { onProgress: submitOptions.onUploadProgress } : {}),
        ...(submitOptions.signal ? { signal: submitOptions.signal } : {}),
      })
    } catch (error) {
      if (error instanceof PostFailure) return raise(errorForPostFailure(error, url.host))
      throw error
    }
    return interpret(answer, 'submit', key, raise)
  }

  function parseEnvelope(json: unknown, phase: Phase): TaskEnvelope {
    const parsed = TaskEnvelopeSchema.safeParse(json)
    if (parsed.success) return parsed.data
    const what = `missing ${parsed.error.issues[0]?.path.join('.') || 'task_info'}`
    throw new AppErrorException(phase === 'submit' ? submitOutcomeUnknown(`its answer was not readable (${what})`) : malformedAnswer(what))
  }

  return {
    async submit(body, submitOptions) {
      const raw = await postBody(generationUrlPath(body.endpoint), body, submitOptions)
      const envelope = parseEnvelope(raw, 'submit')
      return { taskId: envelope.task_info.id, status: envelope.task_info.status, statusKind: classifyTaskStatus(envelope.task_info.status), raw }
    },

    async getTask(taskId, path) {
      const raw = await getJson(taskPath(taskId, path))
      const envelope = parseEnvelope(raw, 'read')
      const { status, error: taskError } = envelope.task_info
      const statusKind = classifyTaskStatus(status)
      const videos = envelope.videos ?? []
      const state: TaskState = { taskId: envelope.task_info.id, status, statusKind, videos, raw }
      if (statusKind === 'failed') {
        state.error = taskFailed(taskError ?? undefined)
        if (taskError) state.taskError = taskError
      }
      if (statusKind === 'succeeded' && videos.length === 0) throw new AppErrorException(malformedAnswer('finished task without a video'))
      return state
    },

    async checkKey() {
      try {
        await getJson(taskPath(KEY_CHECK_TASK_ID))
      } catch (error) {
        if (error instanceof AppErrorException && error.error.code === 'api_not_found') return
        throw error
      }
    },

    download: (url, destPath, downloadOptions) => downloadVideo(fetchImpl, url, destPath, { userAgent: options.userAgent, timeoutMs: options.timeoutMs, ...downloadOptions }),
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
