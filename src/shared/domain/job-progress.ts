import { z } from 'zod'
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

/** Whole megabytes read well once there are ten of them; below that a tenth shows the upload moving. */
const megabytes = (bytes: number): string => (bytes >= 10 * MB ? String(Math.floor(bytes / MB)) : (bytes / MB).toFixed(1))

/** "Uploading 23 of 60 MB · 1.2 MB/s", or null when the progress is not about an upload. */
export function describeUpload(progress: Pick<JobProgress, 'uploadedBytes' | 'uploadTotalBytes' | 'uploadBytesPerSecond'>): string | null {
  const { uploadedBytes, uploadTotalBytes, uploadBytesPerSecond } = progress
  if (uploadedBytes === undefined || uploadTotalBytes === undefined) return null
  const text = `Uploading ${megabytes(uploadedBytes)} of ${megabytes(uploadTotalBytes)} MB`
  return uploadBytesPerSecond === undefined ? text : `${text} · ${(uploadBytesPerSecond / MB).toFixed(1)} MB/s`
}
