import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { ResolvedAddress } from './checked-address'

/** What to ask besides a plain GET: a HEAD, or a byte range of a video. */
export type PinnedRequestOptions = { method?: 'GET' | 'HEAD'; headers?: Record<string, string> }

/**
 * GETs `url` over a new connection to `pinned`, the address that was checked, whatever the name resolves to by now
 * (DNS rebinding). The URL's host still names the server (Host header, TLS name). No pooled connection is reused:
 * one opened for another address, or one the user allowed, must not carry this request.
 */
export function pinnedGet(url: URL, pinned: ResolvedAddress, signal: AbortSignal, options: PinnedRequestOptions = {}): Promise<IncomingMessage> {
  // Asked with `all` when Node races IPv4 and IPv6 (autoSelectFamily); either way there is one answer.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) =>
    lookupOptions.all ? callback(null, [pinned]) : callback(null, pinned.address, pinned.family)
  const request = url.protocol === 'https:' ? https.request : http.request
  const headers = options.headers ?? { accept: 'image/*,*/*;q=0.8' }
  return new Promise((resolve, reject) => {
    request(url, { method: options.method ?? 'GET', lookup, agent: false, signal, headers }, resolve)
      .on('error', reject)
      .end()
  })
}
