import path from 'node:path'
import { appError, type AppError } from '../../../shared/errors'
import { readContained } from '../disk/contained-file'
import { MAX_REPLACED_FILE_BYTES } from '../disk/atomic-write'

/**
 * project.json as it is now, or null when it is gone. Its bytes are compared with the ones last read or written
 * rather than trusting mtime and size, which also catches an edit that keeps the size within the same clock
 * tick; the file is small enough to read (5 MB at 3,000 clips: comparing costs far less than hashing).
 */
export async function currentFileBytes(filePath: string): Promise<Uint8Array | null> {
  try {
    return await readContained(path.dirname(filePath), filePath, MAX_REPLACED_FILE_BYTES)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw cause
  }
}

export const sameBytes = (a: Uint8Array | null, b: Uint8Array): boolean => a !== null && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

export const changedOnDiskError = (): AppError =>
  appError(
    'project_changed_on_disk',
    'project.json was changed by another program after Omniboard opened it, so Omniboard stopped saving to avoid losing those changes.',
    'Reload from disk to use their version (takes generated here are kept), or Keep mine to save this version and keep theirs as a dated copy beside it.',
  )
