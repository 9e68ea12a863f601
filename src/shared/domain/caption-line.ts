import { z } from 'zod'
import { IdSchema } from './id-schemas'

/**
 * Bounds for caption lines in a project file: a line is a subtitle, not a page (two lines of ~42 characters is the
 * norm, so 500 leaves room), and a clip lasts 60 s at most, so 200 lines is far more than it can show.
 */
export const captionLimits = { linesPerClip: 200, textChars: 500, speakerChars: 200, maxSeconds: 60 } as const

const Seconds = z.number().min(0).max(captionLimits.maxSeconds)

/**
 * One caption line, timed within its clip (seconds from the clip's start). A line that ends before it starts, or
 * past the clip's end, still loads: the editor points it out and the exports leave out or trim what is outside.
 */
export const CaptionLineSchema = z.object({
  id: IdSchema,
  text: z.string().max(captionLimits.textChars),
  startSeconds: Seconds,
  endSeconds: Seconds,
  /** Who speaks, shown before the words in the exports; absent for a narrator or on-screen text. */
  speaker: z.string().max(captionLimits.speakerChars).optional(),
})
export type CaptionLine = z.infer<typeof CaptionLineSchema>

export const CaptionLinesSchema = z.array(CaptionLineSchema).max(captionLimits.linesPerClip)

/** What the clip editor may change on one line. */
export const CaptionPatchSchema = CaptionLineSchema.pick({ text: true, startSeconds: true, endSeconds: true, speaker: true }).partial().strict()
export type CaptionPatch = z.infer<typeof CaptionPatchSchema>
