import { describe, expect, it } from 'vitest'
import { addressKind } from '../../../src/main/services/web-images/address-kind'

describe('where an address leads', () => {
  const table: [string, ReturnType<typeof addressKind>][] = [
    ['127.0.0.1', 'this-computer'],
    ['127.255.0.9', 'this-computer'],
    ['0.0.0.0', 'this-computer'],
    ['::1', 'this-computer'],
    ['::', 'this-computer'],
    ['::ffff:127.0.0.1', 'this-computer'],
    ['::ffff:7f00:1', 'this-computer'],
    ['::127.0.0.1', 'this-computer'],
    ['2002:7f00:1::', 'this-computer'],
    ['10.0.0.7', 'private-network'],
    ['172.16.0.1', 'private-network'],
    ['172.31.255.255', 'private-network'],
    ['192.168.1.1', 'private-network'],
    ['169.254.169.254', 'private-network'],
    ['100.64.0.1', 'private-network'],
    ['fd12:3456::1', 'private-network'],
    ['fe80::1%eth0', 'private-network'],
    ['::ffff:10.0.0.7', 'private-network'],
    ['::ffff:a9fe:a9fe', 'private-network'],
    ['64:ff9b::192.168.0.1', 'private-network'],
    ['224.0.0.251', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['not an address', 'reserved'],
    ['93.184.215.14', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:93.184.215.14', 'public'],
    ['64:ff9b::8.8.8.8', 'public'],
  ]
  for (const [address, kind] of table) {
    it(`${address} is ${kind}`, () => expect(addressKind(address)).toBe(kind))
  }
})
