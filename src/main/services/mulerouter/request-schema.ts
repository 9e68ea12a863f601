import { z } from 'zod'
import { apiRules, aspectRatios, modes, shotTypes, soundOptions } from '../../../shared/domain/api-rules'
import { defaultGenerationPath, type GenerationPath } from '../../../shared/domain/video-reference'

/** The one place the endpoints' paths live: a take's task is read on the path it was sent to. */
export const generationUrlPath = (path: GenerationPath): string => `/vendors/klingai/v1/kling-v3-omni/${path}`
export const taskPath = (taskId: string, path: GenerationPath = defaultGenerationPath): string =>
  `${generationUrlPath(path)}/${encodeURIComponent(taskId)}`

/** The API counts characters, not UTF-16 units, so an emoji is one character. */
export const countChars = (text: string): number => {
  let count = 0
  for (const _ of text) count++
  return count
}

export const maxChars = (limit: number) => z.string().refine((s) => countChars(s) <= limit, `must be at most ${limit} characters`)

/** URL, raw base64 or data URI; the server checks the bytes, we only refuse an empty value. */
export const ImageValue = z.string().min(1, 'image must not be empty')

export const ShotPromptSchema = z
  .object({
    prompt: maxChars(apiRules.shotPromptMaxChars).refine((s) => s.trim() !== '', 'shot prompt must not be empty'),
    duration: z.number().int().min(apiRules.minShotDuration),
  })
  .strict()

export const RequestElementSchema = z
  .object({
    type: z.literal('image'),
    frontal_image: ImageValue,
    reference_images: z.array(ImageValue).min(apiRules.minReferenceImagesPerElement).max(apiRules.maxReferenceImagesPerElement),
  })
  .strict()

/** The text-to-video fields; reference-to-video adds `images`. `multi_shot` is a boolean (ours: as documented). */
export const textToVideoFields = {
  prompt: maxChars(apiRules.promptMaxChars).optional(),
  negative_prompt: maxChars(apiRules.negativePromptMaxChars).optional(),
  multi_shot: z.boolean().optional(),
  shot_type: z.enum(shotTypes).optional(),
  multi_prompt: z.array(ShotPromptSchema).min(apiRules.minShots).max(apiRules.maxShots).optional(),
  duration: z.number().int().min(apiRules.minDuration).max(apiRules.maxDuration),
  mode: z.enum(modes),
  aspect_ratio: z.enum(aspectRatios).optional(),
  sound: z.enum(soundOptions),
  first_frame: ImageValue.optional(),
  last_frame: ImageValue.optional(),
  elements: z.array(RequestElementSchema).max(apiRules.maxImagesAndElements).optional(),
}

type TextFields = z.infer<z.ZodObject<typeof textToVideoFields>> & { images?: string[] }

/** The rules of a text-to-video or reference-to-video body that one field alone cannot say. */
export function textToVideoRules(body: TextFields, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] })
  const hasPrompt = body.prompt !== undefined && body.prompt.trim() !== ''
  if (body.multi_shot === true && body.shot_type === undefined) issue('multi-shot needs a shot type', 'shot_type')
  if (body.shot_type !== undefined && body.multi_shot !== true) issue('a shot type needs multi_shot: true', 'shot_type')
  if (body.shot_type === 'customize') {
    if (body.multi_prompt === undefined) issue('customized multi-shot needs multi_prompt', 'multi_prompt')
    // The endpoint ignores prompt when multi_shot is on; sending both would hide which one the user meant.
    if (body.prompt !== undefined) issue('customized multi-shot sends shots, not a prompt', 'prompt')
    const sum = (body.multi_prompt ?? []).reduce((total, shot) => total + shot.duration, 0)
    if (body.multi_prompt !== undefined && sum !== body.duration) {
      issue(`shot durations add up to ${sum} s but the clip is ${body.duration} s`, 'multi_prompt')
    }
  } else {
    if (body.multi_prompt !== undefined) issue('multi_prompt is only sent with shot_type customize', 'multi_prompt')
    if (!hasPrompt) issue('a prompt is required', 'prompt')
  }
  if (body.last_frame !== undefined && body.first_frame === undefined) issue('a last frame needs a first frame', 'last_frame')
  const frames = (body.first_frame ? 1 : 0) + (body.last_frame ? 1 : 0)
  if (frames + (body.images?.length ?? 0) + (body.elements?.length ?? 0) > apiRules.maxImagesAndElements) {
    issue(`frame images, reference images and elements together must be at most ${apiRules.maxImagesAndElements}`, 'elements')
  }
}

/** The text-to-video body we send. Strict: some MuleRouter endpoints refuse unknown fields. */
export const TextToVideoRequestSchema = z.object(textToVideoFields).strict().superRefine(textToVideoRules)
export type TextToVideoRequest = z.infer<typeof TextToVideoRequestSchema>

export const TaskErrorSchema = z
  .object({
    code: z.union([z.number(), z.string()]).optional(),
    title: z.string().optional(),
    detail: z.string().optional(),
  })
  .loose()
export type TaskError = z.infer<typeof TaskErrorSchema>

/** Lenient on extra fields (the service adds some), strict on the ones we act on. */
export const TaskEnvelopeSchema = z
  .object({
    task_info: z
      .object({
        id: z.string().min(1).max(200),
        status: z.string().min(1).max(100),
        created_at: z.string().nullish(),
        updated_at: z.string().nullish(),
        error: TaskErrorSchema.nullish(),
      })
      .loose(),
    videos: z.array(z.string().min(1).max(8192)).nullish(),
  })
  .loose()
export type TaskEnvelope = z.infer<typeof TaskEnvelopeSchema>

export type StatusKind = 'in_progress' | 'succeeded' | 'failed'

const successStatuses = new Set(['completed', 'succeeded'])
const failedStatuses = new Set(['failed'])

/** Unknown words count as still running: a task we stop watching too early is a paid video lost. */
export function classifyTaskStatus(status: string): StatusKind {
  const word = status.trim().toLowerCase()
  if (successStatuses.has(word)) return 'succeeded'
  if (failedStatuses.has(word)) return 'failed'
  return 'in_progress'
}

export const knownInProgressStatuses: readonly string[] = ['pending', 'queued', 'processing', 'running']
export const isKnownStatus = (status: string): boolean => {
  const word = status.trim().toLowerCase()
  return successStatuses.has(word) || failedStatuses.has(word) || knownInProgressStatuses.includes(word)
}
