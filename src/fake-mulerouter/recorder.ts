import type { IncomingMessage } from 'node:http'
import type { Route } from './faults'

export type AuthOutcome = 'missing' | 'accepted' | 'rejected' | 'not_required'

/** One request as the fake saw it. The bearer token itself is never stored in a field, only checkable. */
export interface RecordedRequest {
  seq: number
  method: string
  path: string
  route: Route | 'unknown'
  /** Lower-case names; `authorization` is replaced by `[redacted]`. */
  headers: Record<string, string>
  auth: AuthOutcome
  /** Whether the request carried `Authorization: Bearer <key>` for exactly this key. */
  bearerIs(key: string): boolean
  /** Parsed JSON body, when there was one and it parsed. */
  body?: unknown
  bodyBytes: number
  bodyIsInvalidJson?: boolean
  /** The body ended before its Content-Length: cut by a fault or abandoned by the client. */
  bodyCut?: boolean
  /** The fault applied, e.g. `status:429`, `hang`, `reset`. */
  fault?: string
  /** Set whenever this request created a task — even when the client never heard about it. */
  createdTaskId?: string
  /** The HTTP status sent; absent when the fake hung or reset the connection. */
  status?: number
  /** When the request arrived and when its connection ended (answered, reset or dropped), Date.now() ms: tests tell from these how many were out at once. */
  arrivedAt: number
  endedAt?: number
}

export function recordRequest(seq: number, req: IncomingMessage, route: Route | 'unknown', raw: Buffer, arrivedAt: number): RecordedRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers[name] = name === 'authorization' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value
  }
  const token = bearerToken(req)
  const record: RecordedRequest = {
    seq,
    method: req.method ?? 'GET',
    path: new URL(req.url ?? '/', 'http://fake').pathname,
    route,
    headers,
    auth: 'not_required',
    bearerIs: (key) => token !== null && token === key,
    bodyBytes: raw.length,
    arrivedAt,
  }
  if (raw.length > 0) {
    try {
      record.body = JSON.parse(raw.toString('utf8')) as unknown
    } catch {
      record.bodyIsInvalidJson = true
    }
  }
  return record
}

export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
  return match?.[1] ?? null
}
