import { mediaPaths } from '../../../../../shared/media-paths'
import { mediaUrl } from '../../../ipc/media-url'

/** A finished take's video, streamed by main with byte ranges, so it plays and seeks without being read whole. */
export const takeVideoUrl = (takeId: string, index = 0): string => mediaUrl(mediaPaths.takeVideo(takeId, index))
