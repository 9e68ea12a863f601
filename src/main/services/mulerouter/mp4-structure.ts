import type { FileHandle } from 'node:fs/promises'
import { topLevelBoxes } from '../media/mp4-boxes'

/**
 * Whether the file is a whole MP4 by its box structure: it opens with `ftyp`, its top-level boxes tile the file
 * exactly to its last byte, and both `moov` (the index) and `mdat` (the media) are there. A download cut short
 * fails this almost always: the last box claims more bytes than arrived. Used only when the server did not say
 * how long the file is.
 */
export async function isCompleteMp4(file: FileHandle, size: number): Promise<boolean> {
  const boxes = await topLevelBoxes(file, size)
  if (!boxes || boxes[0]?.type !== 'ftyp') return false
  const types = new Set(boxes.map((box) => box.type))
  return types.has('moov') && types.has('mdat')
}
