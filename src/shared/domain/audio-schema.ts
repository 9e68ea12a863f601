import { z } from 'zod'
import { AssetIdSchema, IdSchema } from './id-schemas'

/** Sound files import reads, told apart by their bytes; each is stored as `audio/<sha256>.<ext>` and given to ffmpeg with this demuxer. */
export const audioKinds = ['wav', 'mp3', 'aac', 'm4a', 'flac', 'ogg'] as const
export const AudioKindSchema = z.enum(audioKinds)
export type AudioKind = z.infer<typeof AudioKindSchema>

/** A music or voice-over file in the project, named by the SHA-256 of its bytes, as images are. Appended by main. */
export const AudioFileSchema = z.object({
  id: AssetIdSchema,
  kind: AudioKindSchema,
  durationSeconds: z.number().positive().max(6 * 3600),
  sampleRate: z.number().int().min(8000).max(384_000),
  channels: z.number().int().min(1).max(8),
  bytes: z.number().int().positive(),
  originalName: z.string().max(1024),
  importedAt: z.string().max(64),
})
export type AudioFile = z.infer<typeof AudioFileSchema>

/** Levels in dB: a lane item may be raised a little, the takes' own sound only lowered (the player cannot boost a video). */
export const ITEM_GAIN_DB = { min: -60, max: 12 } as const
export const DIALOGUE_DB = { min: -60, max: 0 } as const
const Seconds = z.number().nonnegative().max(24 * 3600)

/**
 * A stretch of an audio file placed in the film. Its film time is `startSeconds`, or, when anchored to a clip, that
 * clip's start plus `anchor.offsetSeconds` (so moving or retiming clips carries it along); `startSeconds` is kept as
 * the last film time it had, for when its clip is removed.
 */
export const AudioItemSchema = z.object({
  id: IdSchema,
  audioId: AssetIdSchema,
  startSeconds: Seconds,
  anchor: z.object({ clipId: IdSchema, offsetSeconds: z.number().min(-24 * 3600).max(24 * 3600) }).nullable(),
  /** Where in the file it starts, and how much of it plays. */
  sourceInSeconds: Seconds,
  durationSeconds: z.number().positive().max(24 * 3600),
  gainDb: z.number().min(ITEM_GAIN_DB.min).max(ITEM_GAIN_DB.max),
  fadeInSeconds: Seconds,
  fadeOutSeconds: Seconds,
})
export type AudioItem = z.infer<typeof AudioItemSchema>

export const AudioLaneSchema = z.object({
  id: IdSchema,
  name: z.string().max(200),
  muted: z.boolean(),
  solo: z.boolean(),
  items: z.array(AudioItemSchema).max(2000),
})
export type AudioLane = z.infer<typeof AudioLaneSchema>

/** Export loudness targets (EBU R128 integrated loudness): −16 LUFS for the web, −23 for broadcast. */
export const loudnessTargets = { web: -16, broadcast: -23 } as const
export const LoudnessTargetSchema = z.enum(['web', 'broadcast'])
export type LoudnessTarget = z.infer<typeof LoudnessTargetSchema>

/** The film's sound: lanes of music and voice-over, and the level of the takes' own sound (all of it, and per clip). */
export const MixSchema = z.object({
  lanes: z.array(AudioLaneSchema).max(16),
  dialogueDb: z.number().min(DIALOGUE_DB.min).max(DIALOGUE_DB.max),
  clipDialogueDb: z.record(IdSchema, z.number().min(DIALOGUE_DB.min).max(DIALOGUE_DB.max)),
  loudness: LoudnessTargetSchema,
})
export type Mix = z.infer<typeof MixSchema>

/** A project without a `mix` field (older files) sounds as it always did: no lanes, the takes at full level. */
export const defaultMix: Mix = { lanes: [], dialogueDb: 0, clipDialogueDb: {}, loudness: 'web' }
