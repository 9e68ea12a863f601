import { promises as dns } from 'node:dns'
import { isIP } from 'node:net'
import { fail } from '../../../shared/errors'
import { addressKind, type AddressKind } from './address-kind'

export type ResolvedAddress = { address: string; family: 4 | 6 }

/** How a link's host becomes addresses and how each is judged; tests swap in their own to stay on loopback. */
export type AddressPolicy = {
  resolve(hostname: string): Promise<ResolvedAddress[]>
  kindOf(address: string): AddressKind
}

export const systemAddressPolicy: AddressPolicy = {
  // getaddrinfo, like a browser: the hosts file and the system's resolver both count.
  resolve: async (hostname) => (await dns.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })),
  kindOf: addressKind,
}

const placeWords: Record<Exclude<AddressKind, 'public'>, string> = {
  'this-computer': 'on this computer, not on the internet',
  'private-network': 'on a private network, not on the internet',
  reserved: 'a reserved address, not one on the internet',
}

/**
 * The address to connect to for `url`, once every address its host has was checked: a dropped link comes from a
 * web page, which must not use Omniboard to reach this computer or the local network (a router, a cloud metadata
 * service) unless the user said so. The caller connects to exactly this address, so DNS cannot swap it afterwards.
 */
export async function checkedAddress(url: URL, policy: AddressPolicy, allowPrivate: boolean): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const literal = isIP(hostname)
  const addresses = literal ? [{ address: hostname, family: literal === 6 ? 6 : 4 } as const] : await policy.resolve(hostname)
  const first = addresses[0]
  if (!first) fail('image_download_failed', `Could not find ${url.host}.`, 'Check the connection, or save the image and drop the file instead.')
  if (allowPrivate) return first
  for (const { address } of addresses) {
    const kind = policy.kindOf(address)
    if (kind === 'public') continue
    const shown = literal ? url.host : `${url.host} (${address})`
    fail(
      'image_url_private',
      `The link leads to ${shown}, which is ${placeWords[kind]}.`,
      'Download it only if you trust the page it came from: a link can point Omniboard at devices and services on your network.',
    )
  }
  return first
}
