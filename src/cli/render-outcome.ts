import path from 'node:path'
import type { ProjectSession } from '../main/services/project/project-session'
import { isQueuedTake, type Take } from '../shared/domain/project'
import { exitCodeFor, exitCodes, type ExitCode } from './exit-codes'
import { megabytes } from '../shared/byte-size'

export function describeOutcome(label: string, take: Take | null, session: ProjectSession): { line: string; code: ExitCode } {
  if (take === null) return { line: `✗ ${label}: not sent (an earlier submission's outcome is unknown)`, code: exitCodes.other }
  if (take.status === 'completed') {
    const files = take.files.map((file) => `${path.relative(process.cwd(), session.takeFilePath(file.fileName ?? ''))} (${megabytes(file.bytes ?? 0)})`)
    return { line: `✓ ${label}: ${files.join(', ')}`, code: exitCodes.ok }
  }
  if (take.status === 'failed' || take.status === 'submit_unknown' || (take.status === 'stopped' && take.error)) {
    const error = take.error
    return {
      line: `✗ ${label}: ${error ? `${error.message} ${error.hint}` : take.status}`,
      code: error ? exitCodeFor(error) : exitCodes.other,
    }
  }
  if (isQueuedTake(take) && !take.hold) {
    return { line: `… ${label}: queued, not sent yet (take ${take.id}); it goes on the next run, or when the queue resumes in Omniboard.`, code: exitCodes.other }
  }
  if (take.hold) return { line: `✗ ${label}: held, not sent: ${take.hold.error.message} ${take.hold.error.hint}`, code: exitCodeFor(take.hold.error) }
  if (take.status === 'cancelled') return { line: `✗ ${label}: cancelled`, code: exitCodes.other }
  if (take.status === 'stopped') return { line: `✗ ${label}: no longer followed (task ${take.taskId ?? 'unknown'}); run again to check it`, code: exitCodes.other }
  const why = take.error ? ` Last error: ${take.error.message}` : ''
  return {
    line: `… ${label}: still ${take.status} (take ${take.id}); run the same command again or open the project in Omniboard to continue.${why}`,
    code: take.error ? exitCodeFor(take.error) : exitCodes.other,
  }
}
