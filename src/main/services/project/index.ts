/** The project-files service: what the rest of the main process may use. */
export { defaultSessionDeps, FileProjectSession, type SessionDeps } from './file-project-session'
export { loadProject } from './load-project'
export { createProject, openProjectSession } from './open-project'
export { createSampleProject } from './sample-project'
