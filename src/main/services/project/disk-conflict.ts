import { createHash } from 'node:crypto'
import path from 'node:path'
import { appError, type AppError } from '../../../shared/errors'
import { readContained } from '../disk/contained-file'
import { MAX_REPLACED_FILE_BYTES } from './atomic-write'

export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * Hash of project.json as it is now, or null when it is gone. Hashing rather than trusting mtime and size
 * also catches an edit that keeps the size within the same clock tick; the file is small enough to read.
 */
export async function currentFileHash(filePath: string): Promise<string | null> {
  try {
    return hashBytes(await readContained(path.dirname(filePath), filePath, MAX_REPLACED_FILE_BYTES))
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw cause
  }
}

export const changedOnDiskError = (): AppError =>
  appError(
    'project_changed_on_disk',
    'project.json was changed by another program after Omniboard opened it, so Omniboard stopped saving to avoid losing those changes.',
    'Reload from disk to use their version (takes generated here are kept), or Keep mine to save this version and keep theirs as a dated copy beside it.',
  )
