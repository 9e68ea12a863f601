import { z } from 'zod'

/**
 * How Export film carries the captions: `soft` adds a subtitle track players can switch on and off (the picture is
 * copied, not re-encoded); `burn` draws them into the picture (re-encoded), in the shipped Inter typeface, at a size
 * relative to the picture's height, at the bottom or top, inside a safe margin (percent of the picture).
 */
export const FilmCaptionsSchema = z
  .object({
    mode: z.enum(['soft', 'burn']),
    font: z.enum(['regular', 'bold']),
    size: z.enum(['small', 'medium', 'large']),
    position: z.enum(['bottom', 'top']),
    marginPercent: z.number().int().min(0).max(20),
  })
  .strict()
export type FilmCaptions = z.infer<typeof FilmCaptionsSchema>

/** Title-safe is 10 % by broadcast rules; 5 % keeps captions clear of a phone's rounded corners and players' controls. */
export const defaultFilmCaptions: FilmCaptions = { mode: 'soft', font: 'regular', size: 'medium', position: 'bottom', marginPercent: 5 }

/** Text height as a share of the picture's height. */
export const captionSizeShare: Record<FilmCaptions['size'], number> = { small: 0.045, medium: 0.06, large: 0.075 }
