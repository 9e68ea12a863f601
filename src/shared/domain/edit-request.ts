import { z } from 'zod'
import { apiRules } from './api-rules'
import { BoundedTextSchema as Text } from './json-limits'
import { AssetIdSchema, IdSchema, ModeSchema } from './project'
import { VideoSourceSchema } from './video-reference'

/**
 * An edit of a video by instruction (video-to-video/edit): the result is a new take of `clipId`, as long as its
 * source. The source is a finished take of that clip, or the user's own https video. Lists are capped only to keep
 * a request sane; the pre-flight validator says in words when they pass the endpoint's limits.
 */
export const EditRequestSchema = z
  .object({
    clipId: IdSchema,
    source: VideoSourceSchema,
    /** Sent as `prompt`; names the video and images with chips (`<<<video_1>>>`, `<<<image_N>>>`, `<<<element_N>>>`). */
    instruction: Text,
    negativePrompt: Text,
    keepOriginalSound: z.boolean(),
    mode: ModeSchema,
    referenceImageIds: z.array(AssetIdSchema).max(apiRules.maxClipReferenceImages),
    elementIds: z.array(IdSchema).max(50),
  })
  .strict()
export type EditRequest = z.infer<typeof EditRequestSchema>
