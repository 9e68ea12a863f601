import { z } from 'zod'
import { apiRules, aspectRatios, modes } from '../../../shared/domain/api-rules'
import type { GenerationPath } from '../../../shared/domain/video-reference'
import { takeIdOfVideoRef } from '../../../shared/takes/path-form'
import { ImageValue, maxChars, RequestElementSchema, TextToVideoRequestSchema, textToVideoFields, textToVideoRules } from './request-schema'

/** reference-to-video: text-to-video plus scene and style images (images + elements + frames ≤ 7). */
const ReferenceToVideoRequestSchema = z
  .object({ ...textToVideoFields, images: z.array(ImageValue).min(1).max(apiRules.maxClipReferenceImages) })
  .strict()
  .superRefine(textToVideoRules)

/** A video is a URL, never base64; a journaled request names a take's video `take:<id>` until its link is asked. */
const VideoUrl = z
  .string()
  .max(8192)
  .refine((value) => takeIdOfVideoRef(value) !== null || (URL.canParse(value) && new URL(value).protocol === 'https:'), 'video must be an https URL')

const videoList = (referType: 'base' | 'feature') =>
  z
    .array(z.object({ video_url: VideoUrl, refer_type: z.literal(referType), keep_original_sound: z.enum(['yes', 'no']) }).strict())
    .length(1, 'exactly one video')

/** Fields every video path shares: one prompt, images and elements (≤ 4 together with a video). */
const videoPathFields = {
  prompt: maxChars(apiRules.promptMaxChars).refine((text) => text.trim() !== '', 'a prompt is required'),
  negative_prompt: maxChars(apiRules.negativePromptMaxChars).optional(),
  mode: z.enum(modes),
  images: z.array(ImageValue).min(1).optional(),
  elements: z.array(RequestElementSchema).optional(),
}

function withVideoLimit(body: { images?: unknown[]; elements?: unknown[] }, ctx: z.RefinementCtx): void {
  if ((body.images?.length ?? 0) + (body.elements?.length ?? 0) > apiRules.maxImagesAndElementsWithVideo) {
    ctx.addIssue({ code: 'custom', message: `with a video, images and elements together must be at most ${apiRules.maxImagesAndElementsWithVideo}`, path: ['elements'] })
  }
}

/** video-to-video/edit: as long as its source, so no duration; no frames and no sound of its own. */
const VideoEditRequestSchema = z
  .object({ ...videoPathFields, video_list: videoList('base') })
  .strict()
  .superRefine(withVideoLimit)

/** video-to-video/generation ("next shot"): frames allowed; sound must be off (the video's is kept or dropped). */
const VideoGenerationRequestSchema = z
  .object({
    ...videoPathFields,
    duration: z.number().int().min(apiRules.minDuration).max(apiRules.maxDuration),
    aspect_ratio: z.enum(aspectRatios).optional(),
    sound: z.literal('off', { error: 'sound must be off with a video' }),
    first_frame: ImageValue.optional(),
    last_frame: ImageValue.optional(),
    video_list: videoList('feature'),
  })
  .strict()
  .superRefine((body, ctx) => {
    withVideoLimit(body, ctx)
    if (body.last_frame !== undefined && body.first_frame === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a last frame needs a first frame', path: ['last_frame'] })
    }
  })

/** The strict schema of the body each path takes. */
export const requestSchemaFor = (path: GenerationPath) =>
  ({
    'text-to-video/generation': TextToVideoRequestSchema,
    'reference-to-video/generation': ReferenceToVideoRequestSchema,
    'video-to-video/edit': VideoEditRequestSchema,
    'video-to-video/generation': VideoGenerationRequestSchema,
  })[path]
