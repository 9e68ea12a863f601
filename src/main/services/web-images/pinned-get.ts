import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { ResolvedAddress } from './checked-address'

/**
 * GETs `url` over a new connection to `pinned`, the address that was checked, whatever the name resolves to by now
 * (DNS rebinding). The URL's host still names the server (Host header, TLS name). No pooled connection is reused:
 * one opened for another address, or one the user allowed, must not carry this request.
 */
export function pinnedGet(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  // Asked with `all` when Node races IPv4 and IPv6 (autoSelectFamily); either way there is one answer.
  const lookup: LookupFunction = (_hostname, options, callback) => (options.all ? callback(null, [pinned]) : callback(null, pinned.address, pinned.family))
  const get = url.protocol === 'https:' ? https.get : http.get
  return new Promise((resolve, reject) => {
    get(url, { lookup, agent: false, signal, headers: { accept: 'image/*,*/*;q=0.8' } }, resolve).on('error', reject)
  })
}
