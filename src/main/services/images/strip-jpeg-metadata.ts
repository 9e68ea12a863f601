/**
 * Removes a JPEG's metadata without re-encoding it: the pixels stay bit for bit as the camera wrote them.
 * Kept: JFIF (APP0), an ICC profile (APP2 "ICC_PROFILE"), Adobe's colour transform flag (APP14) and every
 * segment the decoder needs. Dropped: EXIF and XMP (APP1 — camera, time, location), IPTC (APP13), comments,
 * other APPn blocks (MPF, maker data) and anything after the end-of-image marker (phones append depth maps,
 * gain maps and maker trailers there). Returns null when the file is not laid out as expected.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at += 1
      continue
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    const end = at + 2 + length
    if (length < 2 || end > bytes.length) return null
    if (marker === 0xda) {
      const imageEnd = endOfImage(bytes, end)
      if (imageEnd === null) return null
      kept.push(bytes.subarray(at, imageEnd))
      return Buffer.concat(kept)
    }
    if (keepsSegment(marker, bytes.subarray(at + 4, end))) kept.push(bytes.subarray(at, end))
    at = end
  }
  return null
}

const ICC_IDENTIFIER = 'ICC_PROFILE\0'

function keepsSegment(marker: number, payload: Uint8Array): boolean {
  const isApp = marker >= 0xe0 && marker <= 0xef
  if (marker === 0xfe) return false
  if (!isApp) return true
  if (marker === 0xe0 || marker === 0xee) return true
  return marker === 0xe2 && Buffer.from(payload.subarray(0, ICC_IDENTIFIER.length)).toString('latin1') === ICC_IDENTIFIER
}

/**
 * Just past the EOI marker that ends the image. Inside entropy-coded data a 0xFF byte is followed by 0x00
 * (stuffing) or a restart marker; any other marker (a progressive file's next DHT or SOS) is a segment whose
 * length is skipped, so bytes inside its tables are never mistaken for the end.
 */
function endOfImage(bytes: Uint8Array, from: number): number | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = from
  while (at + 1 < bytes.length) {
    // indexOf runs natively: a byte-by-byte loop over a 4 MB photo would hold up the main process.
    at = buffer.indexOf(0xff, at)
    if (at < 0 || at + 1 >= bytes.length) return null
    const next = bytes[at + 1]!
    if (next === 0xd9) return at + 2
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      at += next === 0xff ? 1 : 2
      continue
    }
    if (at + 4 > bytes.length) return null
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!)
  }
  return null
}
