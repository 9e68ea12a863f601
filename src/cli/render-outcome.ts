import path from 'node:path'
import type { GenerationEngine } from '../main/services/generation'
import type { ProjectSession } from '../main/services/project/project-session'
import { finalTakeStatuses, type Take } from '../shared/domain/project'
import { clipLabel, type SelectedClip } from './clip-selection'
import { exitCodeFor, exitCodes, type ExitCode } from './exit-codes'
import { formatBytes } from './progress-printer'

const inFlight = (take: Take): boolean => !finalTakeStatuses.includes(take.status) && take.status !== 'submit_unknown'

/**
 * Which take to follow for a clip: one still running from an earlier run (never sent twice), a new one, or none
 * when the last attempt may or may not have reached MuleRouter and the user did not ask to send it again.
 */
export async function takeToFollow(
  engine: GenerationEngine,
  session: ProjectSession,
  selected: SelectedClip,
  resubmitUnknown: boolean,
  print: (line: string) => void,
): Promise<string | null> {
  const takes = session.project().takes.filter((take) => take.clipId === selected.clip.id)
  const running = takes.findLast(inFlight)
  if (running) {
    print(`${clipLabel(selected)}: following take ${running.id}, started earlier (${running.status})`)
    return running.id
  }
  const last = takes.at(-1)
  if (last?.status === 'stopped' && last.taskId !== null) {
    // Its task exists and may be paid for: ask about it again rather than paying for another.
    print(`${clipLabel(selected)}: checking take ${last.id} again (task ${last.taskId})`)
    return (await engine.checkAgain(last.id)).id
  }
  const unknown = takes.findLast((take) => take.status === 'submit_unknown')
  if (unknown && !resubmitUnknown) {
    print(`${clipLabel(selected)}: skipped. ${unknown.error?.message ?? 'An earlier take may or may not have reached MuleRouter.'}`)
    print(`${clipLabel(selected)}: check your MuleRouter dashboard, then dismiss it in Omniboard or run again with --resubmit-unknown.`)
    return null
  }
  const take = unknown ? await engine.resolveUnknown(unknown.id, 'resubmit') : await engine.start(selected.clip.id)
  return take.id
}

export function describeOutcome(selected: SelectedClip, take: Take | null, session: ProjectSession): { line: string; code: ExitCode } {
  const label = clipLabel(selected)
  if (take === null) return { line: `✗ ${label}: not sent (an earlier submission's outcome is unknown)`, code: exitCodes.other }
  if (take.status === 'completed') {
    const files = take.files.map((file) => `${path.relative(process.cwd(), session.takeFilePath(file.fileName ?? ''))} (${formatBytes(file.bytes ?? 0)})`)
    return { line: `✓ ${label}: ${files.join(', ')}`, code: exitCodes.ok }
  }
  if (take.status === 'failed' || take.status === 'submit_unknown' || (take.status === 'stopped' && take.error)) {
    const error = take.error
    return {
      line: `✗ ${label}: ${error ? `${error.message} ${error.hint}` : take.status}`,
      code: error ? exitCodeFor(error) : exitCodes.other,
    }
  }
  if (take.status === 'cancelled') return { line: `✗ ${label}: cancelled`, code: exitCodes.other }
  if (take.status === 'stopped') return { line: `✗ ${label}: no longer followed (task ${take.taskId ?? 'unknown'}); run again to check it`, code: exitCodes.other }
  const why = take.error ? ` Last error: ${take.error.message}` : ''
  return {
    line: `… ${label}: still ${take.status} (take ${take.id}); run the same command again or open the project in Omniboard to continue.${why}`,
    code: take.error ? exitCodeFor(take.error) : exitCodes.other,
  }
}
