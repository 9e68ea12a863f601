import { z } from 'zod'
import { AssetIdSchema } from './project'

export const RecentProjectSchema = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  clipCount: z.number().int().nonnegative().optional(),
  thumbnailAssetId: AssetIdSchema.nullable().optional(),
})
export type RecentProject = z.infer<typeof RecentProjectSchema>
