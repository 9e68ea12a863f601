import type { Clip, Project } from '../domain/project'
import { takeNumberOf } from '../domain/take-numbers'
import { clipRequestSnapshot } from './clip-request'
import { diffRequests, type RequestChange } from './request-diff'

/** A clip edited since its chosen take: "changed since take 2", and what changed. */
export type StaleClip = { takeId: string; takeNumber: number; changes: RequestChange[] }

/**
 * Whether the request this clip would send today differs from the one its chosen take was made with, field by
 * field (prompt, shots, frames, elements, settings). A clip without a chosen take is not stale: it has nothing
 * to differ from, and "Generate what changed" leaves it to "Generate all".
 */
export function staleSince(clip: Clip, project: Pick<Project, 'elements' | 'takes'>): StaleClip | null {
  if (clip.chosenTakeId === null) return null
  const take = project.takes.find((candidate) => candidate.id === clip.chosenTakeId)
  if (!take) return null
  const changes = diffRequests(take.request, requestNow(clip, project))
  if (changes.length === 0) return null
  return { takeId: take.id, takeNumber: takeNumberOf(project.takes, take.id) ?? 0, changes }
}

/** A clip whose element was deleted (or lost its front image) cannot be sent, but it has still changed: compare what is left. */
function requestNow(clip: Clip, project: Pick<Project, 'elements'>) {
  const usable = new Set(project.elements.filter((element) => element.frontalAssetId !== null).map((element) => element.id))
  return clipRequestSnapshot({ ...clip, elementIds: clip.elementIds.filter((id) => usable.has(id)) }, project)
}
