import type { FileHandle } from 'node:fs/promises'

/**
 * Whether the file is a whole MP4 by its box structure: it opens with `ftyp`, its top-level boxes tile the file
 * exactly to its last byte, and both `moov` (the index) and `mdat` (the media) are there. A download cut short
 * fails this almost always: the last box claims more bytes than arrived. Used only when the server did not say
 * how long the file is.
 */
export async function isCompleteMp4(file: FileHandle, size: number): Promise<boolean> {
  const header = Buffer.alloc(16)
  const seen = new Set<string>()
  let offset = 0
  while (offset < size) {
    if (size - offset < 8) return false
    const { bytesRead } = await file.read(header, 0, 16, offset)
    if (bytesRead < 8) return false
    const type = header.toString('latin1', 4, 8)
    if (!/^[\x20-\x7e]{4}$/.test(type)) return false
    if (offset === 0 && type !== 'ftyp') return false
    let boxSize = header.readUInt32BE(0)
    let headerSize = 8
    if (boxSize === 1) {
      if (bytesRead < 16) return false
      boxSize = Number(header.readBigUInt64BE(8))
      headerSize = 16
    } else if (boxSize === 0) {
      boxSize = size - offset
    }
    if (boxSize < headerSize || offset + boxSize > size) return false
    seen.add(type)
    offset += boxSize
  }
  return offset === size && seen.has('ftyp') && seen.has('moov') && seen.has('mdat')
}
