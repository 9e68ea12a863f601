import { z } from 'zod'
import { EditRequestSchema } from '../domain/edit-request'
import { IdSchema, TakeSchema } from '../domain/project'
import { QueuePlanSchema } from '../domain/spend'
import { CheckedVideoUrlSchema, VideoFactsSchema } from '../domain/video-reference'
import { channel } from './channel'

/** Channels for the paths that send a video (edit, next shot) and the pre-flight they need. Part of `contract`. */
export const videoChannels = {
  /**
   * Queues an edit (video-to-video/edit) as a new take of the clip, journaled before anything is sent. Refused
   * (`clip_invalid` with the pre-flight's words, `budget_exceeded`) before anything is journaled; a repeat of
   * `actionId` returns the take it already made.
   */
  'generation:edit': channel(EditRequestSchema.extend({ actionId: IdSchema }).strict(), TakeSchema),
  /** What that edit would cost (billed by its source's length) and leave of each budget, with its pre-flight errors. */
  'generation:planEdit': channel(EditRequestSchema, QueuePlanSchema),
  /**
   * Checks a user's video link before it counts: https only, never a private address, a HEAD or Range request for
   * type (video/mp4, quicktime) and size (≤ 200 MB), then its index for duration, size and frame rate.
   */
  'video:checkUrl': channel(z.object({ url: z.string().min(1).max(2048) }).strict(), CheckedVideoUrlSchema),
  /** Probes a finished take's own video file (duration, size, fps, bytes) and keeps the facts on the take. */
  'takes:videoFacts': channel(z.object({ takeId: IdSchema }).strict(), VideoFactsSchema),
} as const
