/** The project-files service: what the rest of the main process may use. */
export { defaultSessionDeps, FileProjectSession, type SessionDeps } from './file-project-session'
export { loadProject, type LoadedProject } from './load-project'
export { createProject, newProject, openProjectSession } from './open-project'
export type { ProjectSession, SaveState } from './project-session'
export { createSampleProject, SAMPLE_PROJECT_NAME } from './sample-project'
