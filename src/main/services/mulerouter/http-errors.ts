import { appError, type AppError } from '../../../shared/errors'

const MAX_DETAIL_CHARS = 300

/** Replaces every occurrence of the key, so a server that echoes it back cannot leak it into the UI or logs. */
export function redactSecret(text: string, secret: string | null): string {
  if (!secret) return text
  return text.split(secret).join('[redacted]')
}

/** The official client reads `detail`, then `error`, then `message`; FastAPI-style `detail` is a list of `{msg}`. */
export function serverDetail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null
  const record = body as Record<string, unknown>
  for (const field of ['detail', 'error', 'message']) {
    const text = describeDetail(record[field])
    if (text) return text
  }
  return null
}

function describeDetail(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) {
    const parts = value.map((item) => describeDetail(item)).filter((part): part is string => part !== null)
    return parts.length > 0 ? parts.join('; ') : null
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const text = describeDetail(record.msg ?? record.message ?? record.detail ?? record.title)
    if (!text) return null
    const where = Array.isArray(record.loc) ? record.loc.filter((part) => part !== 'body').join('.') : ''
    return where ? `${where}: ${text}` : text
  }
  return null
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

function said(detail: string | null): string {
  if (!detail) return ''
  const short = detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS)}…` : detail
  return ` MuleRouter said: ${short}`
}

/** Maps an HTTP error status from the API (not from a video download) to what the user sees. */
export function errorForStatus(status: number, detail: string | null, retryAfterMs: number | undefined): AppError {
  if (status === 400 || status === 422) {
    return appError('api_rejected', `MuleRouter refused the request.${said(detail)}`, 'Change the clip as the message says, then generate again.')
  }
  if (status === 401) {
    return appError('api_unauthorized', `MuleRouter did not accept the API key.${said(detail)}`, 'Check the key in Settings, or create a new one in your MuleRouter account.')
  }
  if (status === 402) {
    return appError('api_insufficient_credits', `MuleRouter says the balance is too low.${said(detail)}`, 'Add credits to your MuleRouter account, then try again.')
  }
  if (status === 403) {
    return appError('api_forbidden', `MuleRouter refused access.${said(detail)}`, 'Check that your account and key may use Kling V3 Omni.')
  }
  if (status === 404) {
    return appError('api_not_found', `MuleRouter does not know this task or address.${said(detail)}`, 'Check the base URL in Settings; a very old task may have been removed.')
  }
  if (status === 429) {
    const wait = retryAfterMs === undefined ? 'a little while' : `${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`
    return appError(
      'api_rate_limited',
      `MuleRouter is limiting requests (rate, quota or daily spending limit).${said(detail)}`,
      `Wait ${wait} and try again, or check your limits on MuleRouter.`,
      { retryAfterMs },
    )
  }
  if (status >= 500) {
    return appError('api_server_error', `MuleRouter had a server error (HTTP ${status}).${said(detail)}`, 'Try again in a minute; if it persists, check MuleRouter’s status page.')
  }
  if (status >= 400) {
    return appError('api_rejected', `MuleRouter refused the request (HTTP ${status}).${said(detail)}`, 'Check the clip and the base URL in Settings, then try again.')
  }
  return appError('api_malformed', `MuleRouter answered with an unexpected HTTP ${status}.`, 'Check the base URL in Settings; it may point at the wrong server.')
}

export const malformedAnswer = (what: string): AppError =>
  appError('api_malformed', `MuleRouter sent an answer Omniboard cannot read (${what}).`, 'Check the base URL in Settings; if it is right, try again later.')
