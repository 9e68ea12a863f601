import { mediaPaths } from '../../../../../shared/media-paths'
import { mediaUrl } from '../../../ipc/media-url'

/**
 * The URL of an asset's thumbnail. Thumbnails are named by the hash of the image, so the URL is immutable and the
 * browser's own cache shares one decode between the bin, the slots and the chips.
 */
export function useThumbnailUrl(assetId: string | null): string | null {
  return assetId ? mediaUrl(mediaPaths.thumbnail(assetId)) : null
}
