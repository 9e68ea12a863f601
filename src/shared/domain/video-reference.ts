import { z } from 'zod'
import { IdSchema } from './id-schemas'
import { BoundedTextSchema } from './json-limits'

/**
 * The Kling V3 Omni paths Omniboard sends to, named as the vendor's path under `kling-v3-omni/`. A take records
 * the one it went to, so polling, resume and cost use the same path; a take without one went to text-to-video.
 */
export const generationPaths = ['text-to-video/generation', 'reference-to-video/generation', 'video-to-video/edit', 'video-to-video/generation'] as const
export const GenerationPathSchema = z.enum(generationPaths)
export type GenerationPath = z.infer<typeof GenerationPathSchema>
export const defaultGenerationPath: GenerationPath = 'text-to-video/generation'

/** What a video holds, as the rules for a video sent by URL need it: probed from a take's file or a user's URL. */
export const VideoFactsSchema = z.object({
  durationSeconds: z.number().nonnegative().max(24 * 3600),
  width: z.number().int().nonnegative().max(100_000),
  height: z.number().int().nonnegative().max(100_000),
  fps: z.number().nonnegative().max(10_000),
  bytes: z.number().int().nonnegative(),
  /** As the server said (a user's URL) or as the file is (a take's MP4). */
  contentType: z.string().max(200),
})
export type VideoFacts = z.infer<typeof VideoFactsSchema>

/** A user's own hosted video: only `https:`, and only once a check answered with its type and size. */
export const HttpsUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https: link')

/** A user's video link that passed its check: the URL as it will be sent and what the check found. */
export const CheckedVideoUrlSchema = z.object({ url: HttpsUrlSchema, facts: VideoFactsSchema })
export type CheckedVideoUrl = z.infer<typeof CheckedVideoUrlSchema>

/**
 * Where a video comes from. `take`: a finished take of this project, whose result link is asked afresh from its
 * MuleRouter task just before the POST (MuleRouter has no upload). `url`: the user's own https link, with the
 * facts its last check found (absent until checked: it cannot be sent before).
 */
export const VideoSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('take'), takeId: IdSchema }).strict(),
  z.object({ kind: z.literal('url'), url: HttpsUrlSchema, facts: VideoFactsSchema.optional() }).strict(),
])
export type VideoSource = z.infer<typeof VideoSourceSchema>

/**
 * A clip made as the "next shot" of a video (video-to-video/generation, `refer_type: "feature"`): its camera,
 * motion and style come from the source; the clip's own prompt, frames, duration, images and elements apply.
 */
export const VideoReferenceSchema = z
  .object({
    source: VideoSourceSchema,
    /** Sent as `keep_original_sound`; the clip's own `sound` must then be off. */
    keepOriginalSound: z.boolean(),
  })
  .strict()
export type VideoReference = z.infer<typeof VideoReferenceSchema>

/** Where an edit take came from: "Edit of take 2: add falling snow". */
export const EditLineageSchema = z
  .object({
    source: VideoSourceSchema,
    instruction: BoundedTextSchema,
  })
  .strict()

