import { z } from 'zod'
import { ProjectSchema } from './project'

/** The open project as main hands it to the window: where it is, what it holds, and how many edits it has seen. */
export const ProjectSnapshotSchema = z.object({
  path: z.string(),
  project: ProjectSchema,
  /** Increases with every applied edit; lets the renderer ignore stale echoes. */
  revision: z.number().int().nonnegative(),
})
export type ProjectSnapshot = z.infer<typeof ProjectSnapshotSchema>
