import { z } from 'zod'

/**
 * A screenplay as Omniboard reads it, whichever file it came from: scenes in script order, each with the elements a
 * breakdown uses. Notes, boneyard, sections and synopses are left out by the parsers (they are the writer's, not
 * the film's). Bounds keep a hostile file from growing the IPC reply without end; a real feature is far below them.
 */
const Text = z.string().max(20_000)

export const SpokenLineSchema = z.object({ parenthetical: z.string().max(500).nullable(), text: Text })
export type SpokenLine = z.infer<typeof SpokenLineSchema>

export const ScriptElementSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('action'), text: Text }),
  /** `cue` as written ("TOMAS (V.O.)"); `dual`: printed side by side with the block before or after it. */
  z.object({ type: z.literal('dialogue'), cue: z.string().max(200), lines: z.array(SpokenLineSchema).max(200), dual: z.boolean() }),
  z.object({ type: z.literal('lyrics'), text: Text }),
  z.object({ type: z.literal('centered'), text: Text }),
  z.object({ type: z.literal('transition'), text: z.string().max(500) }),
])
export type ScriptElement = z.infer<typeof ScriptElementSchema>

export const ScriptSceneSchema = z.object({
  /** How a later draft finds this scene again: its number, else its heading (with a count when repeated). */
  key: z.string().max(600),
  number: z.string().max(20).nullable(),
  heading: z.string().max(500),
  /** Where it starts and how long it runs, in pages and eighths of a page, as a script supervisor counts. */
  page: z.number().int().min(1),
  eighths: z.number().int().min(1),
  elements: z.array(ScriptElementSchema).max(5000),
})
export type ScriptScene = z.infer<typeof ScriptSceneSchema>

/** A 200-page feature is about 300 KB of Fountain and four times that as Final Draft XML; more is not a script. */
export const MAX_SCRIPT_BYTES = 4 * 1024 * 1024

export const scriptFormats = ['fountain', 'fdx'] as const

export const ScreenplaySchema = z.object({
  title: z.string().max(500).nullable(),
  format: z.enum(scriptFormats),
  scenes: z.array(ScriptSceneSchema).max(2000),
})
export type Screenplay = z.infer<typeof ScreenplaySchema>
