import { TakeSchema, type Project, type Take } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import type { EngineState } from './project-session'

/** The project with one more take; a take that is not valid, or whose id is taken, is refused. */
export function withTakeAdded(project: Project, take: Take): Project {
  const parsed = checkTake(take)
  if (project.takes.some((existing) => existing.id === take.id)) fail('invalid_request', `Take ${take.id} already exists.`, '')
  return { ...project, takes: [...project.takes, parsed] }
}

export function withTakeUpdated(project: Project, takeId: string, update: (take: Take) => Take): { project: Project; take: Take } {
  const current = project.takes.find((take) => take.id === takeId)
  if (current === undefined) fail('not_found', `Take ${takeId} is not in this project.`, '')
  const next = checkTake(update(current))
  return { project: { ...project, takes: project.takes.map((take) => (take.id === takeId ? next : take)) }, take: next }
}

export function withEngineState(project: Project, change: (state: EngineState) => EngineState): { project: Project; state: EngineState } {
  const before = new Set(project.takes)
  const next = change({ takes: project.takes, queue: project.queue })
  // Only new or changed takes are checked: a project may hold thousands.
  const takes = next.takes.map((take) => (before.has(take) ? take : checkTake(take)))
  if (new Set(takes.map((take) => take.id)).size !== takes.length) fail('invalid_request', 'Two takes have the same id.', '')
  const queue = next.queue ?? project.queue
  return { project: { ...project, takes, ...(queue ? { queue } : {}) }, state: { takes, queue } }
}

export function withoutTake(project: Project, takeId: string): Project {
  if (!project.takes.some((take) => take.id === takeId)) fail('not_found', `Take ${takeId} is not in this project.`, '')
  return { ...project, takes: project.takes.filter((take) => take.id !== takeId) }
}

function checkTake(take: Take): Take {
  const parsed = TakeSchema.safeParse(take)
  if (!parsed.success) fail('invalid_request', `The take is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`, '')
  return parsed.data
}
