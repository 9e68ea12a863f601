import { z } from 'zod'
import { apiRules } from './api-rules'
import { CaptionLineSchema, CaptionLinesSchema, CaptionPatchSchema } from './caption-line'
import { ClipScriptSchema } from './clip-script'
import { mixEditOps } from './mix-edits-schema'
import {
  AspectRatioSchema,
  AssetIdSchema,
  ClipSchema,
  ElementSchema,
  IdSchema,
  ModeSchema,
  ProjectDefaultsSchema,
  ProjectDocumentSchema,
  ShotSchema,
  ShotTypeSchema,
  SoundSchema,
  TakeNoteSchema,
} from './project'
import { VideoReferenceSchema } from './video-reference'

/** Small, serialisable edits. The renderer applies them locally for instant feedback and sends the same
 * operation to the main process, which applies it to the saved project with the same pure function. */
export const ClipPatchSchema = z
  .object({
    title: z.string().max(200),
    mode: ModeSchema,
    aspectRatio: AspectRatioSchema,
    duration: z.number().int().min(0).max(60),
    sound: SoundSchema,
    prompt: z.string().max(100_000),
    negativePrompt: z.string().max(100_000),
    multiShot: z.boolean(),
    shotType: ShotTypeSchema,
    script: ClipScriptSchema,
  })
  .partial()
  .strict()

export const EditOpSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('renameProject'), name: z.string().min(1).max(200) }),
  z.object({ type: z.literal('setDefaults'), defaults: ProjectDefaultsSchema.partial() }),
  z.object({ type: z.literal('addClip'), clip: ClipSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('updateClip'), clipId: IdSchema, patch: ClipPatchSchema }),
  z.object({ type: z.literal('removeClip'), clipId: IdSchema }),
  z.object({ type: z.literal('moveClip'), clipId: IdSchema, toIndex: z.number().int().nonnegative() }),
  z.object({ type: z.literal('addShot'), clipId: IdSchema, shot: ShotSchema, index: z.number().int().nonnegative().optional() }),
  z.object({
    type: z.literal('updateShot'),
    clipId: IdSchema,
    shotId: IdSchema,
    patch: z.object({ prompt: z.string().max(100_000), duration: z.number().int().min(0).max(60) }).partial().strict(),
  }),
  z.object({ type: z.literal('removeShot'), clipId: IdSchema, shotId: IdSchema }),
  z.object({ type: z.literal('moveShot'), clipId: IdSchema, shotId: IdSchema, toIndex: z.number().int().nonnegative() }),
  /** Moves the boundary after `shotId` by `delta` seconds; the two neighbours trade time, the clip total is kept. */
  z.object({ type: z.literal('moveShotBoundary'), clipId: IdSchema, shotId: IdSchema, delta: z.number().int() }),
  z.object({ type: z.literal('setFrame'), clipId: IdSchema, slot: z.enum(['first', 'last']), assetId: AssetIdSchema.nullable() }),
  z.object({ type: z.literal('addElement'), element: ElementSchema }),
  z.object({
    type: z.literal('updateElement'),
    elementId: IdSchema,
    patch: ElementSchema.pick({ name: true, frontalAssetId: true, referenceAssetIds: true }).partial().strict(),
  }),
  z.object({ type: z.literal('removeElement'), elementId: IdSchema }),
  z.object({ type: z.literal('attachElement'), clipId: IdSchema, elementId: IdSchema }),
  z.object({ type: z.literal('detachElement'), clipId: IdSchema, elementId: IdSchema }),
  z.object({ type: z.literal('moveClipElement'), clipId: IdSchema, elementId: IdSchema, toIndex: z.number().int().nonnegative() }),
  /** The clip's scene and style images, in request order (`<<<image_N>>>`): one op adds, removes and reorders. */
  z.object({ type: z.literal('setReferenceImages'), clipId: IdSchema, assetIds: z.array(AssetIdSchema).max(apiRules.maxClipReferenceImages) }),
  /** Makes the clip a "next shot" of a video, or (null) an ordinary clip again. */
  z.object({ type: z.literal('setVideoReference'), clipId: IdSchema, videoReference: VideoReferenceSchema.nullable() }),
  z.object({ type: z.literal('chooseTake'), clipId: IdSchema, takeId: IdSchema.nullable() }),
  z.object({ type: z.literal('setTakeNote'), clipId: IdSchema, takeId: IdSchema, patch: TakeNoteSchema.partial().strict() }),
  z.object({ type: z.literal('addCaption'), clipId: IdSchema, caption: CaptionLineSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('updateCaption'), clipId: IdSchema, captionId: IdSchema, patch: CaptionPatchSchema }),
  z.object({ type: z.literal('removeCaption'), clipId: IdSchema, captionId: IdSchema }),
  /** Replaces a clip's lines at once ("Captions from the script"): one undo step. */
  z.object({ type: z.literal('setCaptions'), clipId: IdSchema, captions: CaptionLinesSchema }),
  ...mixEditOps,
  /** Undo and redo send the whole restored document. */
  z.object({ type: z.literal('replaceDocument'), document: ProjectDocumentSchema }),
])
export type EditOp = z.infer<typeof EditOpSchema>
export type ClipPatch = z.infer<typeof ClipPatchSchema>
