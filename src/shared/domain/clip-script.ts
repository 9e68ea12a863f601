import { z } from 'zod'
import { BoundedTextSchema as Text } from './json-limits'

/** One speech of a screenplay: who speaks (the cue without "(V.O.)" and the like), how, and the words. */
export const DialogueLineSchema = z.object({
  character: z.string().max(200),
  parenthetical: z.string().max(500).nullable(),
  text: z.string().max(20_000),
})
export type DialogueLine = z.infer<typeof DialogueLineSchema>

/**
 * Where a clip came from in an imported screenplay, so a later draft can update it. `importedPrompt` is the clip's
 * prompt text as imported (see `clipPromptText`): while the clip still reads that, the user has not edited it.
 */
export const ClipScriptSchema = z.object({
  sceneKey: z.string().max(600),
  part: z.number().int().min(1).max(10_000),
  /** The script's words for this clip (action and dialogue), as imported. */
  text: Text,
  importedPrompt: Text,
  /** The clip's lines, kept as data: its captions, and in the shot list and PDF. */
  dialogue: z.array(DialogueLineSchema).max(500),
  /** A later draft changed (or dropped, `gone`) these words, and the clip was left as it was. */
  changed: z.object({ text: Text, gone: z.boolean() }).nullable(),
})
