import { videoToken } from './api-rules'
import { tokenNumbers } from './element-tokens'
import type { Asset } from './project'
import { validateImageAsset } from './validate-images'
import { error, plural, type ValidationIssue } from './validation-issue'

/** A text sent to Kling that may name images and the video, with where it sits and how a sentence names it. */
export type NamedText = { path: string; subject: string; text: string }

/**
 * `<<<image_N>>>` names the Nth reference image, so one past the list names nothing; `<<<video_1>>>` names the
 * video, so it needs one.
 */
export function referenceTokenIssues(texts: readonly NamedText[], imageCount: number, hasVideo: boolean): ValidationIssue[] {
  return texts.flatMap(({ path, subject, text }) => {
    const numbers = [...new Set(tokenNumbers(text, 'image'))]
    const issues = numbers
      .filter((n) => n < 1 || n > imageCount)
      .map((n) =>
        error('image_token_out_of_range', path, `${subject} refers to reference image ${n}, but there ${imageCount === 1 ? 'is' : 'are'} ${plural(imageCount, 'reference image')}. Add it or remove the reference.`),
      )
    if (!hasVideo && text.includes(videoToken)) {
      issues.push(error('video_token_without_video', path, `${subject} refers to a video, but this clip has none. Remove the reference or start it from a take.`))
    }
    return issues
  })
}

/** Each reference image against the image rules, named "Reference image 2". */
export function referenceImageIssues(assetIds: readonly string[], assets: readonly Asset[]): ValidationIssue[] {
  return assetIds.flatMap((assetId, i) => validateImageAsset(assetId, assets, `referenceImages.${i}`, `Reference image ${i + 1}`))
}
