import { z } from 'zod'
import { AssetIdSchema } from '../domain/id-schemas'

/** Waveform resolution: 50 peaks a second draws any zoom of the timeline; long files get fewer so the cache stays small. */
export const PEAKS_PER_SECOND = 50
export const MAX_PEAKS = 60_000

/** The waveform of one sound file, as cached in `audio/<sha256>.peaks.json`: peak levels 0–255, evenly over its length. */
export const AudioPeaksSchema = z.object({
  version: z.literal(1),
  audioId: AssetIdSchema,
  peaksPerSecond: z.number().positive().max(PEAKS_PER_SECOND),
  peaks: z.array(z.number().int().min(0).max(255)).max(MAX_PEAKS),
})
export type AudioPeaks = z.infer<typeof AudioPeaksSchema>

/** How many peaks a second a file of this length gets. */
export const peaksRateFor = (durationSeconds: number): number => Math.min(PEAKS_PER_SECOND, MAX_PEAKS / Math.max(durationSeconds, 1e-3))
