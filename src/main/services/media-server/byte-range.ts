export type ByteRange = { start: number; end: number }

/**
 * One `Range: bytes=…` of a file of `size` bytes (RFC 9110 §14): `a-b`, `a-` or the suffix `-n`. Null means
 * "send the whole file" (no header, another unit, or several ranges, which a server may answer in full);
 * 'unsatisfiable' means a 416.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === null) return null
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (!match) return null
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return null
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  if (start >= size) return 'unsatisfiable'
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  return end < start ? null : { start, end }
}
