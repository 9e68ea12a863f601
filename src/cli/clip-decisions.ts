import { finalTakeStatuses, type Project, type Take } from '../shared/domain/project'
import { clipLabel, type SelectedClip } from './clip-selection'

/**
 * What a render does for a clip: follow a take still running from an earlier run (never sent twice), ask again
 * about a task no longer followed, skip a clip whose last attempt may or may not have reached MuleRouter (unless
 * the user asked to send it again), or queue new takes.
 */
export type ClipDecision =
  | { kind: 'follow'; take: Take }
  | { kind: 'checkAgain'; take: Take }
  | { kind: 'skip'; take: Take }
  | { kind: 'resubmit'; take: Take }
  | { kind: 'new' }

const inFlight = (take: Take): boolean => !finalTakeStatuses.includes(take.status) && take.status !== 'submit_unknown'

export function decideClip(project: Pick<Project, 'takes'>, selected: SelectedClip, resubmitUnknown: boolean): ClipDecision {
  const takes = project.takes.filter((take) => take.clipId === selected.clip.id)
  const running = takes.findLast(inFlight)
  if (running) return { kind: 'follow', take: running }
  const last = takes.at(-1)
  // Its task exists and may be paid for: ask about it again rather than paying for another.
  if (last?.status === 'stopped' && last.taskId !== null) return { kind: 'checkAgain', take: last }
  const unknown = takes.findLast((take) => take.status === 'submit_unknown')
  if (unknown) return resubmitUnknown ? { kind: 'resubmit', take: unknown } : { kind: 'skip', take: unknown }
  return { kind: 'new' }
}

/** The line a decision prints before anything is sent; null for new takes (the plan lists those). */
export function describeDecision(selected: SelectedClip, decision: ClipDecision): string[] {
  const label = clipLabel(selected)
  switch (decision.kind) {
    case 'follow':
      return [`${label}: following take ${decision.take.id}, started earlier (${decision.take.status})`]
    case 'checkAgain':
      return [`${label}: checking take ${decision.take.id} again (task ${decision.take.taskId})`]
    case 'skip':
      return [
        `${label}: skipped. ${decision.take.error?.message ?? 'An earlier take may or may not have reached MuleRouter.'}`,
        `${label}: check your MuleRouter dashboard, then dismiss it in Omniboard or run again with --resubmit-unknown.`,
      ]
    case 'resubmit':
      return [`${label}: sending take ${decision.take.id} again (its earlier submission's outcome is unknown)`]
    case 'new':
      return []
  }
}
