import type { Project, ProjectDocument } from './project'

/** The part of a project the user edits and undo tracks; `mix` only when the project has one (older files do not). */
export function pickDocument(project: Project): ProjectDocument {
  const { name, defaults, clips, elements, mix } = project
  return mix ? { name, defaults, clips, elements, mix } : { name, defaults, clips, elements }
}
