import { z } from 'zod'
import { sizeOfTotal } from '../byte-size'
import { IdSchema, TakeStatusSchema } from './project'

export const JobProgressSchema = z.object({
  takeId: IdSchema,
  clipId: IdSchema,
  status: TakeStatusSchema,
  elapsedMs: z.number().nonnegative(),
  estimatedRemainingMs: z.number().nonnegative().nullable(),
  downloadedBytes: z.number().nonnegative().nullable(),
  totalBytes: z.number().nonnegative().nullable(),
  /** Set while the request body is on its way to MuleRouter. */
  uploadedBytes: z.number().nonnegative().optional(),
  uploadTotalBytes: z.number().nonnegative().optional(),
  /** Averaged over the last few seconds of the upload; absent until there is something to average. */
  uploadBytesPerSecond: z.number().nonnegative().optional(),
})
export type JobProgress = z.infer<typeof JobProgressSchema>

const MB = 1024 * 1024

type UploadFields = Pick<JobProgress, 'uploadedBytes' | 'uploadTotalBytes' | 'uploadBytesPerSecond'>

/** How long the rest of the body takes at the measured rate; null while there is no rate or nothing is left. */
export function uploadTimeLeftMs({ uploadedBytes, uploadTotalBytes, uploadBytesPerSecond }: UploadFields): number | null {
  if (uploadedBytes === undefined || uploadTotalBytes === undefined || !uploadBytesPerSecond) return null
  const left = uploadTotalBytes - uploadedBytes
  return left > 0 ? (left / uploadBytesPerSecond) * 1000 : null
}

/** "about 35 s left", "about 2 min 10 s left", "about 14 min left": close enough to plan by, no false precision. */
export function timeLeftWords(ms: number): string {
  const seconds = ms / 1000
  if (seconds < 60) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`
  if (seconds < 600) {
    const tens = Math.round(seconds / 10)
    const [minutes, rest] = [Math.floor(tens / 6), (tens % 6) * 10]
    return rest === 0 ? `about ${minutes} min left` : `about ${minutes} min ${rest} s left`
  }
  return `about ${Math.round(seconds / 60)} min left`
}

/**
 * "Uploading 23 of 60 MB · 1.2 MB/s · about 30 s left", "Uploading 60 of 60 MB · waiting for MuleRouter's answer",
 * or null when the progress is not about an upload.
 */
export function describeUpload(progress: UploadFields): string | null {
  const { uploadedBytes, uploadTotalBytes, uploadBytesPerSecond } = progress
  if (uploadedBytes === undefined || uploadTotalBytes === undefined) return null
  const parts = [`Uploading ${sizeOfTotal(uploadedBytes, uploadTotalBytes)}`]
  if (uploadedBytes >= uploadTotalBytes) return `${parts[0]} · waiting for MuleRouter's answer`
  if (uploadBytesPerSecond !== undefined) parts.push(`${(uploadBytesPerSecond / MB).toFixed(1)} MB/s`)
  const left = uploadTimeLeftMs(progress)
  if (left !== null) parts.push(timeLeftWords(left))
  return parts.join(' · ')
}
