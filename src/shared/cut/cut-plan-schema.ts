import { z } from 'zod'
import { AssetIdSchema, IdSchema, SafeFileNameSchema } from '../domain/project'
import type { CutAnimaticEntry, CutPlan, CutShot, CutTakeEntry, TakeMedia } from './cut-plan'

/** Kling renders 24 and 30 fps; anything outside this range is a broken file, not a film. */
export const FrameRateSchema = z.object({ num: z.number().int().min(1).max(1_000_000), den: z.number().int().min(1).max(1_000_000) })
  .refine((rate) => rate.num / rate.den >= 1 && rate.num / rate.den <= 240, 'frame rate out of range')

export const TakeMediaSchema: z.ZodType<TakeMedia> = z.object({
  fileName: SafeFileNameSchema,
  width: z.number().int().min(16).max(8192),
  height: z.number().int().min(16).max(8192),
  frameRate: FrameRateSchema,
  frames: z.number().int().min(1),
  durationSeconds: z.number().positive().max(24 * 3600),
  hasAudio: z.boolean(),
  audioChannels: z.number().int().min(0).max(64),
  audioRate: z.number().int().min(0).max(768_000),
  videoCodec: z.string().min(1).max(100),
})

const CutShotSchema: z.ZodType<CutShot> = z.object({
  index: z.number().int().nonnegative(),
  prompt: z.string(),
  startSeconds: z.number().nonnegative(),
  durationSeconds: z.number().nonnegative(),
})

const entryBase = {
  clipId: IdSchema,
  clipNumber: z.number().int().min(1),
  title: z.string(),
  prompt: z.string(),
  firstFrameAssetId: AssetIdSchema.nullable(),
  startSeconds: z.number().nonnegative(),
  durationSeconds: z.number().nonnegative(),
  shots: z.array(CutShotSchema),
}

const CutTakeEntrySchema: z.ZodType<CutTakeEntry> = z.object({
  ...entryBase,
  kind: z.literal('take'),
  takeId: IdSchema,
  takeNumber: z.number().int().min(1),
  media: TakeMediaSchema,
  lineage: z.string().optional(),
})

const CutAnimaticEntrySchema: z.ZodType<CutAnimaticEntry> = z.object({
  ...entryBase,
  kind: z.literal('animatic'),
  reason: z.enum(['no_take', 'take_not_ready', 'take_refused']),
  problem: z.string().max(2000).optional(),
})

export const CutPlanSchema: z.ZodType<CutPlan> = z.object({
  entries: z.array(z.union([CutTakeEntrySchema, CutAnimaticEntrySchema])),
  durationSeconds: z.number().nonnegative(),
})
