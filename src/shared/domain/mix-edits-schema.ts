import { z } from 'zod'
import { IdSchema } from './id-schemas'
import { AudioItemSchema, AudioLaneSchema, MixSchema } from './audio-schema'

/** Edits of the film's sound; applied by the renderer and by main with the same pure function (mix-edits). */
export const mixEditOps = [
  /** Puts an item on a lane; a lane id not in the project yet makes that lane (named `laneName`) at the bottom. */
  z.object({ type: z.literal('addAudioItem'), laneId: IdSchema, laneName: z.string().max(200).optional(), item: AudioItemSchema }),
  z.object({
    type: z.literal('updateAudioItem'),
    itemId: IdSchema,
    patch: AudioItemSchema.omit({ id: true, audioId: true }).partial().strict(),
  }),
  z.object({ type: z.literal('removeAudioItem'), itemId: IdSchema }),
  z.object({ type: z.literal('updateAudioLane'), laneId: IdSchema, patch: AudioLaneSchema.pick({ name: true, muted: true, solo: true }).partial().strict() }),
  /** The takes' own sound (all clips) and the export's loudness target. */
  z.object({ type: z.literal('setMixLevels'), patch: MixSchema.pick({ dialogueDb: true, loudness: true }).partial().strict() }),
  /** One clip's own sound, in dB on top of the dialogue level; null goes back to 0 dB. */
  z.object({ type: z.literal('setClipDialogue'), clipId: IdSchema, db: MixSchema.shape.dialogueDb.nullable() }),
] as const
