import type { Clip, Project } from '../shared/domain/project'
import { validateClip } from '../shared/domain/validate-clip'
import { appError, type AppError } from '../shared/errors'
import { staleSince } from '../shared/takes/stale-clip'
import type { ClipSelection } from './args'

export interface SelectedClip {
  clip: Clip
  /** 1-based place on the timeline, as a person counts clips. */
  position: number
}

export const clipLabel = ({ clip, position }: SelectedClip): string => `clip ${position}${clip.title.trim() ? ` "${clip.title.trim()}"` : ''}`

/**
 * `--clip 2,5` are the second and fifth clips on the timeline (anything not a number is a clip id), `--stale` the
 * clips whose request changed since their take (possibly none); otherwise every clip, in timeline order.
 */
export function selectClips(project: Project, selection: ClipSelection): SelectedClip[] | AppError {
  const all = project.clips.map((clip, index) => ({ clip, position: index + 1 }))
  if (selection.kind === 'stale') return all.filter(({ clip }) => staleSince(clip, project) !== null)
  if (selection.kind === 'all') {
    return all.length > 0 ? all : appError('not_found', 'This project has no clips to render.', 'Add a clip in Omniboard first.')
  }
  const chosen: SelectedClip[] = []
  for (const ref of selection.refs) {
    const found = (/^\d+$/.test(ref) ? all[Number(ref) - 1] : undefined) ?? all.find((entry) => entry.clip.id === ref)
    if (!found) return appError('not_found', `There is no clip "${ref}" in this project (it has ${all.length}).`, 'Give positions from 1 or clip ids.')
    if (!chosen.includes(found)) chosen.push(found)
  }
  return chosen
}

/** Prints every issue of every selected clip; returns false when any of them blocks sending. */
export function printValidation(project: Project, clips: readonly SelectedClip[], print: (line: string) => void): boolean {
  let sendable = true
  for (const selected of clips) {
    for (const issue of validateClip(selected.clip, project)) {
      if (issue.severity === 'error') sendable = false
      print(`${clipLabel(selected)}: ${issue.severity}: ${issue.message}${issue.path ? ` [${issue.path}]` : ''}`)
    }
  }
  return sendable
}
