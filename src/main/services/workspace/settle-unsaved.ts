import { appError, AppErrorException, isAppErrorException, type AppError } from '../../../shared/errors'
import type { UserQuestions } from '../user-questions'
import type { FileProjectSession } from '../project'

const asError = (cause: unknown): AppError =>
  isAppErrorException(cause) ? cause.error : appError('internal', 'Omniboard could not save the project.', 'Try again, or save a copy of your work elsewhere.')

/** The error of a close that did not happen: the project is still open, and this says why. */
export function keptOpen(cause: unknown): AppErrorException {
  const error = asError(cause)
  return new AppErrorException({ ...error, message: `The project stays open because its latest changes are not saved: ${error.message}` })
}

/**
 * Before a project closes, its changes are saved; when that fails the user is asked instead of the changes being
 * dropped quietly. "Save" tries again — after a change on disk it keeps ours and theirs as a dated copy —
 * "discard" lets the edits go, and "cancel" keeps the project open (thrown as the reason).
 */
export async function settleUnsaved(session: FileProjectSession, dialogs: Pick<UserQuestions, 'askUnsavedChanges'>): Promise<'saved' | 'discard'> {
  for (;;) {
    let failure: unknown
    try {
      await session.saveNow()
      return 'saved'
    } catch (cause) {
      failure = cause
    }
    const error = asError(failure)
    const choice = await dialogs.askUnsavedChanges({ projectName: session.project().name, reason: `${error.message} ${error.hint}`.trim() })
    if (choice === 'discard') return 'discard'
    if (choice === 'cancel') throw keptOpen(failure)
    if (error.code === 'project_changed_on_disk') {
      const kept = await session.keepMine().then(() => true, () => false)
      if (kept) return 'saved'
    }
  }
}
