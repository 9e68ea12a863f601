import type { FileHandle } from 'node:fs/promises'

/** An ISO BMFF box: its four-letter type and where it and its payload lie, in bytes from the start of its buffer or file. */
export interface Mp4Box {
  type: string
  start: number
  /** First byte after the header (size, type and, when present, the 64-bit size). */
  payload: number
  end: number
}

/** Thrown when bytes are not an MP4 layout this reader handles; callers that can take another path catch exactly this. */
export class Mp4LayoutError extends Error {}

/** Refuses bytes this reader does not handle, with the error its callers catch to take another path. */
export function throwLayoutError(message: string): never {
  throw new Mp4LayoutError(message)
}

interface BoxHeader {
  type: string
  headerLength: number
  /** Null for a size of 0, which the format reads as "to the end of the parent". */
  size: number | null
}

/** The size and type at `offset`, given that `available` bytes from there may be read. */
function headerAt(bytes: Uint8Array, offset: number, available: number): BoxHeader {
  if (available < 8 || offset + 8 > bytes.byteLength) throwLayoutError('box header runs past its parent')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
  if (!/^[\x20-\x7e]{4}$/.test(type)) throwLayoutError('box type is not printable')
  const size = view.getUint32(offset)
  if (size === 0) return { type, headerLength: 8, size: null }
  if (size !== 1) return { type, headerLength: 8, size }
  if (available < 16 || offset + 16 > bytes.byteLength) throwLayoutError('64-bit box header runs past its parent')
  return { type, headerLength: 16, size: Number(view.getBigUint64(offset + 8)) }
}

/** The box at `offset`, checked to lie within `limit`. */
export function boxHeaderAt(bytes: Uint8Array, offset: number, limit: number): Mp4Box {
  if (limit > bytes.byteLength) throwLayoutError('box parent runs past its buffer')
  return placed(headerAt(bytes, offset, limit - offset), offset, limit)
}

function placed(header: BoxHeader, offset: number, limit: number): Mp4Box {
  const size = header.size ?? limit - offset
  if (size < header.headerLength || offset + size > limit) throwLayoutError(`${header.type} box overruns its parent`)
  return { type: header.type, start: offset, payload: offset + header.headerLength, end: offset + size }
}

/** The boxes directly inside `parent` (or, with no parent, the buffer's top level), which must tile it exactly. */
export function childBoxes(bytes: Uint8Array, parent?: Mp4Box, skip = 0): Mp4Box[] {
  const boxes: Mp4Box[] = []
  const end = parent?.end ?? bytes.byteLength
  for (let offset = (parent?.payload ?? 0) + skip; offset < end; ) {
    const box = boxHeaderAt(bytes, offset, end)
    boxes.push(box)
    offset = box.end
  }
  return boxes
}

export const findChild = (bytes: Uint8Array, parent: Mp4Box, type: string): Mp4Box | undefined => childBoxes(bytes, parent).find((box) => box.type === type)

export function requireChild(bytes: Uint8Array, parent: Mp4Box, type: string): Mp4Box {
  return findChild(bytes, parent, type) ?? throwLayoutError(`${parent.type} has no ${type}`)
}

/** A take has a handful of top-level boxes; many thousands only come from a crafted file, refused before reading on. */
const MAX_TOP_LEVEL_BOXES = 10_000

/**
 * The top-level boxes of a file of `size` bytes, header by header, as they declare themselves: the last one may
 * claim to run past the file's end, as in a file cut short. Bytes that are not boxes at all throw Mp4LayoutError.
 */
export async function declaredTopLevelBoxes(file: FileHandle, size: number): Promise<Mp4Box[]> {
  const header = Buffer.alloc(16)
  const boxes: Mp4Box[] = []
  for (let offset = 0; offset < size; ) {
    if (boxes.length === MAX_TOP_LEVEL_BOXES) throwLayoutError('more top-level boxes than an MP4 of a take has')
    const { bytesRead } = await file.read(header, 0, 16, offset)
    const declared = headerAt(header, 0, Math.min(bytesRead, size - offset))
    const box = placed({ ...declared, size: declared.size ?? size - offset }, offset, Infinity)
    boxes.push(box)
    offset = box.end
  }
  return boxes
}

/**
 * The top-level boxes of a file of `size` bytes, or null when they do not tile the file exactly to its last byte
 * (a download cut short, or not an MP4 at all).
 */
export async function topLevelBoxes(file: FileHandle, size: number): Promise<Mp4Box[] | null> {
  try {
    const boxes = await declaredTopLevelBoxes(file, size)
    return boxes.length > 0 && boxes[boxes.length - 1]!.end === size ? boxes : null
  } catch (cause) {
    if (cause instanceof Mp4LayoutError) return null
    throw cause
  }
}
