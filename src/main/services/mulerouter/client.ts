import { AppErrorException, appError, fail, type AppError } from '../../../shared/errors'
import { downloadVideo, type DownloadOptions, type DownloadResult } from './download'
import { errorForStatus, malformedAnswer, parseRetryAfter, redactSecret, serverDetail } from './http-errors'
import { serializeJsonBody } from './serialize-body'
import { classifyNetworkError, errorForNetworkFailure, submitOutcomeUnknown } from './network-errors'
import {
  TaskEnvelopeSchema,
  classifyTaskStatus,
  taskPath,
  textToVideoPath,
  type StatusKind,
  type TaskEnvelope,
  type TaskError,
  type TextToVideoRequest,
} from './request-schema'

export interface MuleRouterClientOptions {
  baseUrl: string
  /** Read on every request, so a key changed in Settings applies at once and is never cached here. */
  apiKey: () => string | null
  fetch?: typeof fetch
  timeoutMs: number
  userAgent: string
  now?: () => number
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
  /** Set when the task failed: a `task_failed` AppError carrying the task's code, title and detail. */
  error?: AppError
  taskError?: TaskError
  raw: unknown
}

export interface MuleRouterClient {
  /**
   * Creates a paid task. Never retries. Failures are thrown as AppErrorException:
   * `network_offline` from submit means the request provably never left (safe to send again);
   * `submit_outcome_unknown` means it may have been received (timeout, reset, 5xx, unreadable 2xx);
   * any other code is the server's clear refusal, so no task exists.
   */
  submit(body: TextToVideoRequest): Promise<SubmitResult>
  /** Safe to retry: reading a task costs nothing. */
  getTask(taskId: string): Promise<TaskState>
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

  /** Everything thrown from here is an AppErrorException whose text has passed through redaction. */
  async function requestJson(method: 'GET' | 'POST', path: string, body: unknown, phase: Phase): Promise<unknown> {
    const key = options.apiKey()?.trim()
    if (!key) fail('no_api_key', 'No MuleRouter API key is set.', 'Add your key in Settings.')
    // fetch would throw on such a header with the value in its message, and nothing would be sent anyway.
    if (!/^[\x21-\x7e]+$/.test(key)) fail('invalid_request', 'The API key contains characters that cannot be sent.', 'Paste the key again in Settings.')
    const url = resolveUrl(path)
    const raise = (error: AppError): never => {
      throw new AppErrorException({ ...error, message: redactSecret(error.message, key), hint: redactSecret(error.hint, key) })
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${key}`,
      Accept: 'application/json',
      'User-Agent': options.userAgent,
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const payload = body === undefined ? undefined : await serializeJsonBody(body)
    const signal = AbortSignal.timeout(options.timeoutMs)
    let response: Response
    let text: string
    try {
      response = await fetchImpl(url, { method, headers, body: payload, signal })
    } catch (error) {
      const failure = classifyNetworkError(error)
      if (phase === 'submit' && failure !== 'not_sent') {
        return raise(submitOutcomeUnknown(failure === 'timeout' ? 'MuleRouter did not answer in time' : 'the connection was lost while sending'))
      }
      return raise(errorForNetworkFailure(failure, url.host))
    }
    try {
      text = await response.text()
    } catch (error) {
      const failure = classifyNetworkError(error)
      if (phase === 'submit') return raise(submitOutcomeUnknown('the answer was cut off'))
      return raise(errorForNetworkFailure(failure === 'not_sent' ? 'connection_lost' : failure, url.host))
    }
    const json = parseJson(text)
    if (!response.ok) {
      const error = errorForStatus(response.status, serverDetail(json), parseRetryAfter(response.headers.get('retry-after'), now()))
      if (phase === 'submit' && error.code === 'api_server_error') {
        // A gateway can fail after the task was created upstream; resending could pay twice.
        return raise(submitOutcomeUnknown(`MuleRouter answered with a server error (HTTP ${response.status})`))
      }
      return raise(error)
    }
    if (json === undefined) {
      return raise(phase === 'submit' ? submitOutcomeUnknown('its answer was not readable') : malformedAnswer('not JSON'))
    }
    return JSON.parse(redactSecret(JSON.stringify(json), key)) as unknown
  }

  function parseEnvelope(json: unknown, phase: Phase): TaskEnvelope {
    const parsed = TaskEnvelopeSchema.safeParse(json)
    if (parsed.success) return parsed.data
    const what = `missing ${parsed.error.issues[0]?.path.join('.') || 'task_info'}`
    throw new AppErrorException(phase === 'submit' ? submitOutcomeUnknown(`its answer was not readable (${what})`) : malformedAnswer(what))
  }

  return {
    async submit(body) {
      const raw = await requestJson('POST', textToVideoPath, body, 'submit')
      const envelope = parseEnvelope(raw, 'submit')
      return { taskId: envelope.task_info.id, status: envelope.task_info.status, statusKind: classifyTaskStatus(envelope.task_info.status), raw }
    },

    async getTask(taskId) {
      const raw = await requestJson('GET', taskPath(taskId), undefined, 'read')
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
        await requestJson('GET', taskPath(KEY_CHECK_TASK_ID), undefined, 'read')
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

export function taskFailed(taskError: TaskError | undefined): AppError {
  const parts = [taskError?.title, taskError?.detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
  const code = taskError?.code === undefined ? '' : ` (code ${taskError.code})`
  const reason = parts.length > 0 ? `: ${parts.join(' — ')}` : ''
  const providerSide = typeof taskError?.code === 'number' && taskError.code >= 3001 && taskError.code <= 3005
  return appError(
    'task_failed',
    `The video could not be generated${code}${reason}.`,
    providerSide ? 'The model provider failed; try again, perhaps with a simpler prompt.' : 'Try again; if it fails again, change the prompt or images.',
  )
}
