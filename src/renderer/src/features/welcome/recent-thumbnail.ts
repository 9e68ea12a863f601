import { mediaPaths } from '../../../../shared/media-paths'
import { mediaUrl } from '../../ipc/media-url'

/** A recent project's thumbnail by its asset id; main serves it only for projects in the recent list. */
export const recentThumbnailUrl = (assetId: string | null | undefined): string | null => (assetId ? mediaUrl(mediaPaths.recentThumbnail(assetId)) : null)
