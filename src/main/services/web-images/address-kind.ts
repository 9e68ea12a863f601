import { isIPv4, isIPv6 } from 'node:net'

/** Where an IP address leads: only `public` addresses are on the internet. */
export type AddressKind = 'public' | 'this-computer' | 'private-network' | 'reserved'
type Range = readonly [network: string, prefixBits: number, kind: Exclude<AddressKind, 'public'>]

const ipv4Ranges: readonly Range[] = [
  // "This network": connecting to 0.0.0.0 reaches this computer on Linux and macOS.
  ['0.0.0.0', 8, 'this-computer'],
  ['127.0.0.0', 8, 'this-computer'],
  ['10.0.0.0', 8, 'private-network'],
  // Carrier-grade NAT: the provider's network, shared with neighbours.
  ['100.64.0.0', 10, 'private-network'],
  // Link-local, where cloud metadata services answer (169.254.169.254).
  ['169.254.0.0', 16, 'private-network'],
  ['172.16.0.0', 12, 'private-network'],
  ['192.168.0.0', 16, 'private-network'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  // Multicast, then the reserved block that ends with the broadcast address.
  ['224.0.0.0', 4, 'reserved'],
  ['240.0.0.0', 4, 'reserved'],
]

const ipv6Ranges: readonly Range[] = [
  ['::', 128, 'this-computer'],
  ['::1', 128, 'this-computer'],
  ['fc00::', 7, 'private-network'],
  ['fe80::', 10, 'private-network'],
  // Site-local: deprecated, still routed inside some networks.
  ['fec0::', 10, 'private-network'],
  ['64:ff9b:1::', 48, 'private-network'],
  ['ff00::', 8, 'reserved'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  // Teredo tunnels to an address hidden in the rest of it.
  ['2001::', 32, 'reserved'],
]

/**
 * IPv6 forms that carry an IPv4 address, judged by that address: `::ffff:127.0.0.1` (mapped) connects to 127.0.0.1,
 * and NAT64 or 6to4 gateways forward to the address inside. `shift` is where the IPv4 address sits.
 */
const embeddingIpv4: readonly (readonly [network: string, prefixBits: number, shift: bigint])[] = [
  ['::ffff:0:0', 96, 0n],
  ['::ffff:0:0:0', 96, 0n],
  ['::', 96, 0n],
  ['64:ff9b::', 96, 0n],
  ['2002::', 16, 80n],
]

/** The kind of a numeric IPv4 or IPv6 address (an IPv6 zone such as `%eth0` is ignored); anything else is `reserved`. */
export function addressKind(address: string): AddressKind {
  if (isIPv4(address)) return ipv4Kind(ipv4Number(address))
  const bare = address.split('%')[0]!
  if (!isIPv6(bare)) return 'reserved'
  const value = ipv6Number(bare)
  const listed = ipv6Ranges.find(([network, bits]) => inRange(value, ipv6Number(network), bits, 128))
  if (listed) return listed[2]
  const embedding = embeddingIpv4.find(([network, bits]) => inRange(value, ipv6Number(network), bits, 128))
  return embedding ? ipv4Kind(Number((value >> embedding[2]) & 0xffff_ffffn)) : 'public'
}

function ipv4Kind(value: number): AddressKind {
  const listed = ipv4Ranges.find(([network, bits]) => inRange(BigInt(value), BigInt(ipv4Number(network)), bits, 32))
  return listed ? listed[2] : 'public'
}

const inRange = (value: bigint, network: bigint, prefixBits: number, width: number): boolean => value >> BigInt(width - prefixBits) === network >> BigInt(width - prefixBits)

const ipv4Number = (address: string): number => address.split('.').reduce((value, part) => value * 256 + Number(part), 0)

/** A valid IPv6 address as one number: `::` expanded, a trailing dotted IPv4 part read as its two groups. */
function ipv6Number(address: string): bigint {
  const lastColon = address.lastIndexOf(':')
  const tail = address.slice(lastColon + 1)
  const hex = tail.includes('.') ? `${address.slice(0, lastColon + 1)}${(ipv4Number(tail) >>> 16).toString(16)}:${(ipv4Number(tail) & 0xffff).toString(16)}` : address
  const [left = '', right] = hex.split('::')
  const head = left === '' ? [] : left.split(':')
  const rest = right === undefined || right === '' ? [] : right.split(':')
  const groups = right === undefined ? head : [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest]
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n)
}
