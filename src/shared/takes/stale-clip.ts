import { takeForCut } from './take-for-cut'
import type { Clip, Project, Take } from '../domain/project'
import type { VideoSource } from '../domain/video-reference'
import { takeNumberOf } from '../domain/take-numbers'
import { clipRequestSnapshot } from './clip-request'
import { diffRequests, type RequestChange } from './request-diff'

/** A clip edited since its take: "changed since take 2", and what changed. */
export type StaleClip = { takeId: string; takeNumber: number; changes: RequestChange[] }

/**
 * Whether the request this clip would send today differs from the one its take was made with, field by field
 * (prompt, shots, frames, elements, settings). The take is the one the clip plays: the chosen one, else the newest
 * finished one. A clip with no take yet is not stale: it has nothing to differ from ("Generate all" makes it).
 */
export function staleSince(clip: Clip, project: Pick<Project, 'elements' | 'takes'>): StaleClip | null {
  const played = takeForCut(clip, project.takes)
  if (played === null) return null
  const take = clipTakeBehind(played, project.takes)
  if (take === null) return null
  const changes = diffRequests(take.request, clipRequestNow(clip, project))
  if (changes.length === 0) return null
  return { takeId: take.id, takeNumber: takeNumberOf(project.takes, take.id) ?? 1, changes }
}

/**
 * The take whose request an edit was made from: an edit keeps the clip's request of its source take (and so is
 * stale when the clip changed since that take); an edit of the user's own video has none, so nothing to differ from.
 */
function clipTakeBehind(take: Take, takes: readonly Take[]): Take | null {
  let current: Take | undefined = take
  // Edits of edits, to the take the clip made; bounded so a crafted cycle in a project file cannot hang.
  for (let depth = 0; current?.edit && depth < 100; depth++) {
    const source: VideoSource = current.edit.source
    current = source.kind === 'take' ? takes.find((candidate) => candidate.id === source.takeId && candidate.clipId === take.clipId) : undefined
  }
  return current && !current.edit ? current : null
}

/**
 * The request to compare takes with; never throws. A clip whose element was deleted (or lost its front image)
 * cannot be sent, but it has changed all the same: compare what is left, and let validation say what to fix.
 */
export function clipRequestNow(clip: Clip, project: Pick<Project, 'elements'>) {
  const usable = new Set(project.elements.filter((element) => element.frontalAssetId !== null).map((element) => element.id))
  return clipRequestSnapshot({ ...clip, elementIds: clip.elementIds.filter((id) => usable.has(id)) }, project)
}
