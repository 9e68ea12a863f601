/** Serialises ISO BMFF boxes: big-endian integers, size-prefixed, 64-bit sizes only when a box needs them. */

export function box(type: string, ...parts: readonly Uint8Array[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([boxHeader(type, body.byteLength), body])
}

export function fullBox(type: string, version: number, flags: number, ...parts: readonly Uint8Array[]): Buffer {
  return box(type, u32((version << 24) | flags), ...parts)
}

/** A box header for `payloadBytes` of payload; an `mdat` past 4 GB gets the 16-byte form. */
export function boxHeader(type: string, payloadBytes: number): Buffer {
  const header = Buffer.alloc(payloadBytes + 8 > 0xffff_ffff ? 16 : 8)
  if (header.byteLength === 16) {
    header.writeUInt32BE(1, 0)
    header.writeBigUInt64BE(BigInt(payloadBytes + 16), 8)
  } else {
    header.writeUInt32BE(payloadBytes + 8, 0)
  }
  header.write(type, 4, 4, 'latin1')
  return header
}

export const boxHeaderBytes = (payloadBytes: number): number => (payloadBytes + 8 > 0xffff_ffff ? 16 : 8)

export function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2)
  bytes.writeUInt16BE(value)
  return bytes
}

export function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value >>> 0)
  return bytes
}

export function u64(value: number): Buffer {
  const bytes = Buffer.alloc(8)
  bytes.writeBigUInt64BE(BigInt(value))
  return bytes
}

/** A table of 32-bit (or, `wide`, 64-bit) unsigned big-endian integers, written in one buffer. */
export function uintTable(values: readonly number[], wide = false): Buffer {
  const bytes = Buffer.allocUnsafe(values.length * (wide ? 8 : 4))
  // A DataView loop: a feature film's tables hold half a million entries, and Buffer's writers check each call.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!
    if (!(value >= 0 && value <= (wide ? Number.MAX_SAFE_INTEGER : 0xffff_ffff)) || !Number.isInteger(value)) throw new RangeError(`${value} does not fit a table entry`)
    if (wide) view.setBigUint64(index * 8, BigInt(value))
    else view.setUint32(index * 4, value)
  }
  return bytes
}

/** (count, value) runs of equal neighbours, as `stts` and `ctts` store them. */
export function runs(values: readonly number[]): number[] {
  const flat: number[] = []
  for (let index = 0; index < values.length; ) {
    let next = index + 1
    while (next < values.length && values[next] === values[index]) next++
    flat.push(next - index, values[index]!)
    index = next
  }
  return flat
}
