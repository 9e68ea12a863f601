/**
 * Reads the name an ICC profile gives itself (its `desc` tag), so import can tell an sRGB image, which Kling
 * shows as intended, from a wide-gamut one (Display P3, Adobe RGB) whose colours must be converted first.
 */
export function iccProfileName(icc: Uint8Array): string | null {
  if (icc.length < 132) return null
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength)
  const tagCount = Math.min(view.getUint32(128), 200)
  for (let i = 0; i < tagCount; i++) {
    const entry = 132 + i * 12
    if (entry + 12 > icc.length) return null
    if (ascii(icc, entry, 4) !== 'desc') continue
    return readDescription(icc, view, view.getUint32(entry + 4), view.getUint32(entry + 8))
  }
  return null
}

function readDescription(icc: Uint8Array, view: DataView, offset: number, size: number): string | null {
  if (offset + Math.max(size, 12) > icc.length) return null
  const type = ascii(icc, offset, 4)
  if (type === 'desc') {
    const length = view.getUint32(offset + 8)
    return offset + 12 + length <= icc.length ? ascii(icc, offset + 12, length).replace(/\0+$/, '') : null
  }
  if (type === 'mluc' && view.getUint32(offset + 8) > 0) {
    const length = view.getUint32(offset + 20)
    const start = offset + view.getUint32(offset + 24)
    if (start + length > icc.length) return null
    let text = ''
    for (let i = 0; i + 1 < length; i += 2) text += String.fromCharCode(view.getUint16(start + i))
    return text.replace(/\0+$/, '')
  }
  return null
}

const ascii = (bytes: Uint8Array, start: number, length: number): string => Buffer.from(bytes.subarray(start, start + length)).toString('latin1')

export const isSrgbProfileName = (name: string | null): boolean => name !== null && /\bsRGB\b/i.test(name)
