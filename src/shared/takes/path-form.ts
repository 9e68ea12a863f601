import { videoToken } from '../domain/api-rules'
import type { GenerationPath, VideoSource } from '../domain/video-reference'

/**
 * Where the vendor's pages disagree about a video path, the form Omniboard sends is chosen here and nowhere else
 * (shared/api, "ours").
 */

export type ReferType = 'base' | 'feature'

/**
 * The video field. The reference pages for `video-to-video/*` and Kling's own specification use `video_list`
 * objects; the model summary lists a plain `video` string for the edit path. Ours: `video_list`, exactly one.
 */
export function videoField(videoUrl: string, referType: ReferType, keepOriginalSound: boolean) {
  return { video_list: [{ video_url: videoUrl, refer_type: referType, keep_original_sound: keepOriginalSound ? 'yes' : 'no' }] }
}

/** How a take source is named in a journaled request until its link is asked afresh, just before the POST. */
export const takeVideoRef = (takeId: string): string => `take:${takeId}`
export const takeIdOfVideoRef = (value: string): string | null => /^take:([A-Za-z0-9_-]{1,64})$/.exec(value)?.[1] ?? null
export const videoRefOf = (source: VideoSource): string => (source.kind === 'take' ? takeVideoRef(source.takeId) : source.url)

/**
 * The token form each path's vendor page shows. The project keeps Kling's own syntax (`<<<video_1>>>`, shown as a
 * chip); the video paths' pages name the video `@Video1`, so that is what they are sent. Images and elements keep
 * `<<<image_N>>>` / `<<<element_N>>>` on every path.
 */
export function promptForPath(text: string, path: GenerationPath): string {
  if (path === 'video-to-video/edit' || path === 'video-to-video/generation') return text.split(videoToken).join('@Video1')
  return text
}
