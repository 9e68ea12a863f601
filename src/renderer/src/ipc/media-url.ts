import type { z } from 'zod'
import type { MediaSchema } from '../../../shared/ipc/contract'

/**
 * Media bytes from the main process as a Blob URL: the CSP allows `blob:` images and video and nothing remote,
 * so every thumbnail and take reaches the page this way. The caller revokes it when done.
 */
export function mediaUrl(media: z.infer<typeof MediaSchema>): string {
  return URL.createObjectURL(new Blob([media.bytes as BlobPart], { type: media.mime }))
}
