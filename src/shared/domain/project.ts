import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { apiRules, aspectRatios, modes, shotTypes, soundOptions } from './api-rules'
import { CaptionLinesSchema } from './caption-line'
import { ClipScriptSchema } from './clip-script'
import { AssetIdSchema, IdSchema, SafeFileNameSchema } from './id-schemas'
import { AudioFileSchema, MixSchema } from './audio-schema'
import { BoundedJsonObjectSchema, BoundedJsonSchema, BoundedTextSchema as Text } from './json-limits'
import { EditLineageSchema, GenerationPathSchema, VideoFactsSchema, VideoReferenceSchema } from './video-reference'

export const PROJECT_SCHEMA_VERSION = 4

export { AssetIdSchema, IdSchema, SafeFileNameSchema } from './id-schemas'

export const ModeSchema = z.enum(modes)
export const AspectRatioSchema = z.enum(aspectRatios)
export const SoundSchema = z.enum(soundOptions)
export const ShotTypeSchema = z.enum(shotTypes)
export type Mode = z.infer<typeof ModeSchema>
export type AspectRatio = z.infer<typeof AspectRatioSchema>

/** An ISO time as Omniboard writes it; the cap only keeps a hostile file small. */
const Timestamp = z.string().max(64)
/** An error kept in the file (a failed take, a hold, a paused queue): like an AppError, with its texts capped. */
const StoredErrorSchema = AppErrorSchema.extend({ message: Text, hint: Text })

/** Image formats import can read; anything but JPEG and PNG is converted before Kling sees it. */
export const imageSourceKinds = ['jpeg', 'png', 'webp', 'avif', 'heic', 'gif', 'tiff', 'bmp'] as const
export const ImageSourceKindSchema = z.enum(imageSourceKinds)
export type ImageSourceKind = z.infer<typeof ImageSourceKindSchema>

/** What import changed so Kling could take the image; the file the user chose is kept in `assets/originals/`. */
export const AssetConversionSchema = z.object({
  from: ImageSourceKindSchema,
  /** For the user, e.g. "converted from WebP; 12.4 MB PNG → 6.1 MB JPEG, 4032×3024 kept". */
  note: z.string().max(1000),
  originalFile: SafeFileNameSchema,
})

/** A rectangle in the source asset's stored (upright) pixels. */
export const CropRectSchema = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
export type CropRect = z.infer<typeof CropRectSchema>

/** Where a frame grabbed from a take came from, so a chained clip can tell when its source take is no longer chosen. */
export const AssetProvenanceSchema = z.object({
  takeId: IdSchema,
  clipId: IdSchema,
  timeSeconds: z.number().nonnegative().max(3600),
  position: z.enum(['first', 'last', 'time']),
})
export type AssetProvenance = z.infer<typeof AssetProvenanceSchema>

export const AssetSchema = z.object({
  id: AssetIdSchema,
  mime: z.enum(apiRules.image.mimeTypes),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  originalName: z.string().max(1024),
  importedAt: Timestamp,
  conversion: AssetConversionSchema.optional(),
  /** A crop of another asset, which stays as it was. */
  derivedFrom: z.object({ assetId: AssetIdSchema, crop: CropRectSchema }).optional(),
  /** false: kept only so it can be cropped (its shape is outside Kling's range); never offered for a slot. */
  usable: z.boolean().optional(),
  provenance: AssetProvenanceSchema.optional(),
})
export type Asset = z.infer<typeof AssetSchema>

export const ElementSchema = z.object({
  id: IdSchema,
  name: z.string().max(200),
  frontalAssetId: AssetIdSchema.nullable(),
  referenceAssetIds: z.array(AssetIdSchema).max(apiRules.maxReferenceImagesPerElement),
})
export type Element = z.infer<typeof ElementSchema>

export const ShotSchema = z.object({
  id: IdSchema,
  prompt: Text,
  duration: z.number().int().min(0).max(60),
})
export type Shot = z.infer<typeof ShotSchema>

/**
 * The user's judgement of one take. It lives in the clip, inside the edited document, not on the take: takes are
 * engine-owned and rewritten as jobs progress, while a rating is an edit the user expects to undo. A clip and the
 * notes on its takes are removed and restored together.
 */
export const TakeNoteSchema = z.object({
  rating: z.number().int().min(1).max(5).nullable(),
  note: z.string().max(2000),
  rejected: z.boolean(),
})
export type TakeNote = z.infer<typeof TakeNoteSchema>

export const ClipSchema = z.object({
  id: IdSchema,
  title: z.string().max(200),
  mode: ModeSchema,
  aspectRatio: AspectRatioSchema,
  /** Seconds; validation enforces the API's 3–15 range, the schema only keeps the file sane. */
  duration: z.number().int().min(0).max(60),
  sound: SoundSchema,
  prompt: Text,
  negativePrompt: Text,
  multiShot: z.boolean(),
  shotType: ShotTypeSchema,
  shots: z.array(ShotSchema).max(50),
  firstFrameAssetId: AssetIdSchema.nullable(),
  lastFrameAssetId: AssetIdSchema.nullable(),
  /** Elements this clip sends, in request order: `<<<element_N>>>` in its prompts means elementIds[N-1]. */
  elementIds: z.array(IdSchema).max(50),
  chosenTakeId: IdSchema.nullable(),
  takeNotes: z.record(IdSchema, TakeNoteSchema).optional(),
  script: ClipScriptSchema.optional(),
  /** Caption lines timed within the clip; absent = none. */
  captions: CaptionLinesSchema.optional(),
  /** Scene and style images in request order: `<<<image_N>>>` in its prompts means referenceImageIds[N-1]. */
  referenceImageIds: z.array(AssetIdSchema).max(apiRules.maxClipReferenceImages).optional(),
  /** Set on a "next shot": the video whose camera and motion this clip follows. Absent or null = none. */
  videoReference: VideoReferenceSchema.nullable().optional(),
})
export type Clip = z.infer<typeof ClipSchema>

export const takeStatuses = ['submitting', 'submit_unknown', 'pending', 'processing', 'downloading', 'completed', 'failed', 'cancelled', 'stopped'] as const
export const TakeStatusSchema = z.enum(takeStatuses)
export type TakeStatus = z.infer<typeof TakeStatusSchema>
/** `stopped`: the task exists (its id is kept) but Omniboard no longer follows it; "Check again" picks it up. */
export const finalTakeStatuses: readonly TakeStatus[] = ['completed', 'failed', 'cancelled', 'stopped']

export const TakeFileSchema = z.object({
  index: z.number().int().nonnegative(),
  url: z.string().max(8192),
  fileName: SafeFileNameSchema.nullable(),
  bytes: z.number().int().nonnegative().nullable(),
})
export type TakeFile = z.infer<typeof TakeFileSchema>

/**
 * The cost estimate a take carries: journaled when it is queued and refreshed just before its POST, with the rate
 * used, so a later change of prices never rewrites what a take was expected to cost. Always an estimate.
 */
export const TakeEstimateSchema = z.object({
  usd: z.number().nonnegative(),
  ratePerSecond: z.number().nonnegative(),
  seconds: z.number().int().nonnegative(),
  mode: ModeSchema,
  sound: SoundSchema,
  at: Timestamp,
})
export type TakeEstimate = z.infer<typeof TakeEstimateSchema>

/**
 * Why a queued take (never sent) waits instead of going out: sending it would pass a budget cap, or its request
 * no longer validates (an image was removed, say). It stays queued; the user raises the cap, fixes or cancels it.
 */
export const TakeHoldSchema = z.object({ reason: z.enum(['budget', 'invalid']), error: StoredErrorSchema, at: Timestamp })
export type TakeHold = z.infer<typeof TakeHoldSchema>

export const TakeSchema = z.object({
  id: IdSchema,
  clipId: IdSchema,
  status: TakeStatusSchema,
  /** The exact request body, with every image replaced by `asset:<id>` so any take can be reproduced. */
  request: BoundedJsonObjectSchema,
  taskId: z.string().max(200).nullable(),
  /** Status word as the API last reported it, kept for diagnostics. */
  remoteStatus: z.string().max(100).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  error: StoredErrorSchema.nullable(),
  files: z.array(TakeFileSchema).max(20),
  /** The click or key press that started this take: a repeat of the same action is answered with this take. */
  actionId: IdSchema.optional(),
  /** Order among queued takes (never sent yet), smallest first; absent = by createdAt, after positioned ones. */
  queuePosition: z.number().optional(),
  estimate: TakeEstimateSchema.optional(),
  hold: TakeHoldSchema.nullable().optional(),
  /** The path it was sent to (polled, resumed and priced by); absent = text-to-video. */
  endpoint: GenerationPathSchema.optional(),
  /** Set on an edit: the video it changed and the instruction. */
  edit: EditLineageSchema.optional(),
  /** Its video as probed (duration, size, fps, bytes), kept so pre-flight rules can be checked without the file. */
  videoFacts: VideoFactsSchema.optional(),
})
export type Take = z.infer<typeof TakeSchema>

/**
 * A take in the queue: journaled, provably never sent (no `submittedAt`, no task id), waiting for its turn, for
 * the connection, for a budget, or for the user to resume a paused queue. Cancelling it costs nothing.
 */
export const isQueuedTake = (take: Pick<Take, 'status' | 'submittedAt' | 'taskId'>): boolean =>
  take.status === 'submitting' && take.submittedAt === null && take.taskId === null

export const ProjectDefaultsSchema = z.object({
  mode: ModeSchema,
  aspectRatio: AspectRatioSchema,
  sound: SoundSchema,
  duration: z.number().int().min(apiRules.minDuration).max(apiRules.maxDuration),
})
export type ProjectDefaults = z.infer<typeof ProjectDefaultsSchema>

/** The most of each list a project may hold: the schema's limits, also checked list by list when a save is encoded. */
export const projectListLimits = { clips: 5000, assets: 20000, elements: 5000, takes: 50000 } as const

export const ProjectSchema = z
  .object({
    schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
    id: IdSchema,
    name: z.string().min(1).max(200),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    defaults: ProjectDefaultsSchema,
    clips: z.array(ClipSchema).max(projectListLimits.clips),
    assets: z.array(AssetSchema).max(projectListLimits.assets),
    elements: z.array(ElementSchema).max(projectListLimits.elements),
    /** Engine-owned: one per generation, newest last. Kept apart from clips so editing and undo never touch them. */
    takes: z.array(TakeSchema).max(projectListLimits.takes),
    /**
     * Engine-owned, like takes: a paused queue sends nothing new until resumed, across restarts. `pauseReason`: why
     * the engine paused it itself (MuleRouter refused the account: no credits, a bad key), absent when the user did.
     */
    queue: z.object({ paused: z.boolean(), pauseReason: StoredErrorSchema.nullable().optional() }).optional(),
    /** This project's spending cap (an estimate, in USD); null or absent = no cap. Set by main, not an undoable edit. */
    budget: z.object({ capUsd: z.number().positive().nullable() }).optional(),
    /** Sound files of the lanes (`audio/`), appended by main like assets; `mix` (absent = `defaultMix`) is edited. */
    audioFiles: z.array(AudioFileSchema).max(5000).optional(),
    mix: MixSchema.optional(),
  })
  // Fields from a newer Omniboard are kept, within the limits of any free-form JSON.
  .catchall(BoundedJsonSchema)
export type Project = z.infer<typeof ProjectSchema>

/** The part of a project the user edits (and undo tracks). Assets and takes are appended by the main process. */
export const ProjectDocumentSchema = ProjectSchema.pick({ name: true, defaults: true, clips: true, elements: true, mix: true })
export type ProjectDocument = z.infer<typeof ProjectDocumentSchema>

export const defaultProjectDefaults: ProjectDefaults = { mode: 'pro', aspectRatio: '16:9', sound: 'off', duration: apiRules.defaultDuration }
