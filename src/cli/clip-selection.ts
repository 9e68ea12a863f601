import type { Clip, Project } from '../shared/domain/project'
import { validateClip } from '../shared/domain/validate-clip'
import { appError, type AppError } from '../shared/errors'

export interface SelectedClip {
  clip: Clip
  /** 1-based place on the timeline, as a person counts clips. */
  position: number
}

export const clipLabel = ({ clip, position }: SelectedClip): string => `clip ${position}${clip.title.trim() ? ` "${clip.title.trim()}"` : ''}`

/** `--clip 2` is the second clip on the timeline; anything else is a clip id. Without it, every clip in order. */
export function selectClips(project: Project, clipArg: string | null): SelectedClip[] | AppError {
  const all = project.clips.map((clip, index) => ({ clip, position: index + 1 }))
  if (clipArg === null) {
    return all.length > 0 ? all : appError('not_found', 'This project has no clips to render.', 'Add a clip in Omniboard first.')
  }
  const byPosition = /^\d+$/.test(clipArg) ? all[Number(clipArg) - 1] : undefined
  const chosen = byPosition ?? all.find((entry) => entry.clip.id === clipArg)
  if (chosen) return [chosen]
  return appError('not_found', `There is no clip "${clipArg}" in this project (it has ${all.length}).`, 'Give a position from 1 or a clip id.')
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
