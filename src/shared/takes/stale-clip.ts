import { takeForCut } from '../cut/cut-plan'
import { isAppErrorException } from '../errors'
import type { Clip, Project, Take } from '../domain/project'
import { takeNumberOf } from '../domain/take-numbers'
import { clipRequestSnapshot } from './clip-request'
import { diffRequests, type RequestChange } from './request-diff'

/** "Changed since take 2": the take the clip plays (chosen, else newest finished) and what its request lacks now. */
export type StaleClip = { take: Take; takeNumber: number; changes: RequestChange[] }

/**
 * Whether the request the clip would send now differs from the one its take was made with, field by field. A clip
 * that has no take yet is not stale (it was never made), nor is one whose request cannot be built at the moment
 * (an element it names is gone): validation says what is wrong with that one.
 */
export function staleClip(clip: Clip, project: Pick<Project, 'elements' | 'takes'>): StaleClip | null {
  const take = takeForCut(clip, project.takes)
  if (take === null) return null
  let now: Take['request']
  try {
    now = clipRequestSnapshot(clip, project)
  } catch (error) {
    if (isAppErrorException(error)) return null
    throw error
  }
  const changes = diffRequests(take.request, now)
  return changes.length === 0 ? null : { take, takeNumber: takeNumberOf(project.takes, take.id) ?? 1, changes }
}
