import { appError, AppErrorException, isAppErrorException, type AppError } from '../../../shared/errors'

const errnoOf = (cause: unknown): string | undefined =>
  typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined

/** Turns a file-system failure into something a user can act on; `what` names the file in plain words. */
export function diskError(cause: unknown, what: string): AppError {
  if (isAppErrorException(cause)) return cause.error
  switch (errnoOf(cause)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return appError('disk_full', `Could not save ${what}: the disk is full.`, 'Free some space on the disk, then save again.')
    case 'EPERM':
    case 'EACCES':
    case 'EROFS':
      return appError(
        'disk_permission',
        `Could not save ${what}: Omniboard is not allowed to write to this folder.`,
        'Check the folder permissions, or move the project to a folder you can write to.',
      )
    default:
      return appError(
        'disk_error',
        `Could not save ${what}: the disk reported an error (${errnoOf(cause) ?? 'unknown'}).`,
        'Check that the disk is still connected, then save again.',
      )
  }
}

export const diskException = (cause: unknown, what: string): AppErrorException => new AppErrorException(diskError(cause, what))
