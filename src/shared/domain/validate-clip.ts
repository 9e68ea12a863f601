import { apiRules, aspectRatios, modes, shotTypes, soundOptions } from './api-rules'
import type { Clip, Project, Take } from './project'
import { findAsset, validateImageAsset } from './validate-images'
import { validatePrompts } from './validate-prompts'
import { referenceImageIssues, referenceTokenIssues } from './validate-references'
import { validateVideoSource, videoImageLimit } from './validate-video'
import { error, plural, warning, type ValidationIssue } from './validation-issue'

export { isClipSendable, summarizeIssues, type ValidationIssue, type ValidationRule } from './validation-issue'

/** `takes`: needed to check a next shot's source take; without them it reads as gone. */
type Library = Pick<Project, 'assets' | 'elements'> & { takes?: readonly Take[] }

/**
 * Every rule of the path the clip goes to (shared/api), checked before anything is sent. Errors are the
 * endpoints' documented rules; warnings are rules seen only on sister pages, named with their source.
 */
export function validateClip(clip: Clip, project: Library): ValidationIssue[] {
  return [
    ...validatePrompts(clip),
    ...validateSettings(clip),
    ...validateFrames(clip, project),
    ...validateElementList(clip.elementIds, project),
    ...validateReferences(clip, project),
    ...sisterPageWarnings(clip, project),
  ]
}

/** Reference images, the tokens naming them and the video, and a next shot's video rules. */
function validateReferences(clip: Clip, project: Library): ValidationIssue[] {
  const images = clip.referenceImageIds ?? []
  const texts = [
    { path: 'prompt', subject: 'The prompt', text: clip.prompt },
    { path: 'negativePrompt', subject: 'The negative prompt', text: clip.negativePrompt },
    ...clip.shots.map((shot, i) => ({ path: `shots.${i}.prompt`, subject: `Shot ${i + 1}'s prompt`, text: shot.prompt })),
  ]
  const issues = [...referenceImageIssues(images, project.assets), ...referenceTokenIssues(texts, images.length, Boolean(clip.videoReference))]
  const video = clip.videoReference
  if (!video) return issues
  issues.push(...validateVideoSource(video.source, project.takes ?? [], 'a next shot', 'videoReference'))
  issues.push(...videoImageLimit(images.length, clip.elementIds.length, 'elements'))
  if (clip.sound === 'on') {
    issues.push(error('video_with_sound', 'sound', "With a video, the clip's own sound must be off; keep or drop the video's sound instead."))
  }
  if (clip.multiShot) issues.push(error('video_multi_shot', 'multiShot', 'A next shot has one prompt; turn multi-shot off.'))
  return issues
}

function validateSettings(clip: Clip): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const { minDuration, maxDuration } = apiRules
  if (!Number.isInteger(clip.duration) || clip.duration < minDuration || clip.duration > maxDuration) {
    issues.push(
      error('duration_range', 'duration', `The clip lasts ${clip.duration} s — it must be a whole number of seconds from ${minDuration} to ${maxDuration}.`),
    )
  }
  const oneOf = (value: string, allowed: readonly string[]) => allowed.includes(value)
  if (!oneOf(clip.mode, modes)) issues.push(error('mode_value', 'mode', `Mode "${clip.mode}" is not one of ${modes.join(', ')}.`))
  if (!oneOf(clip.aspectRatio, aspectRatios)) {
    issues.push(error('aspect_ratio_value', 'aspectRatio', `Aspect ratio "${clip.aspectRatio}" is not one of ${aspectRatios.join(', ')}.`))
  }
  if (!oneOf(clip.sound, soundOptions)) issues.push(error('sound_value', 'sound', `Sound "${clip.sound}" must be on or off.`))
  if (!oneOf(clip.shotType, shotTypes)) {
    issues.push(error('shot_type_value', 'shotType', `Shot type "${clip.shotType}" is not one of ${shotTypes.join(', ')}.`))
  }
  return issues
}

function validateFrames(clip: Clip, project: Library): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (clip.firstFrameAssetId) {
    issues.push(...validateImageAsset(clip.firstFrameAssetId, project.assets, 'firstFrame', 'The first frame'))
  }
  if (clip.lastFrameAssetId) {
    if (!clip.firstFrameAssetId) {
      issues.push(error('last_frame_needs_first', 'lastFrame', 'A last frame needs a first frame. Add a first frame or remove the last one.'))
    }
    issues.push(...validateImageAsset(clip.lastFrameAssetId, project.assets, 'lastFrame', 'The last frame'))
  }
  const frames = frameCount(clip)
  const images = clip.referenceImageIds?.length ?? 0
  const total = frames + images + clip.elementIds.length
  if (total > apiRules.maxImagesAndElements) {
    const parts = [plural(frames, 'frame image'), ...(images > 0 ? [plural(images, 'reference image')] : []), plural(clip.elementIds.length, 'element')]
    issues.push(
      error(
        'images_and_elements_limit',
        'elements',
        `This clip uses ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}, ${total} in all — ` +
          `the API allows ${apiRules.maxImagesAndElements} combined. Remove ${total - apiRules.maxImagesAndElements}.`,
      ),
    )
  }
  return issues
}

/** Each element a request sends, against the element rules. */
export function validateElementList(elementIds: readonly string[], project: Pick<Project, 'assets' | 'elements'>): ValidationIssue[] {
  const { minReferenceImagesPerElement: min, maxReferenceImagesPerElement: max } = apiRules
  return elementIds.flatMap((elementId, i) => {
    const path = `elements.${i}`
    const element = project.elements.find((e) => e.id === elementId)
    if (!element) {
      return [error('element_missing', path, `Element ${i + 1} is no longer in the project's library. Remove it from this clip.`)]
    }
    const name = `Element ${i + 1} (${element.name || 'unnamed'})`
    const issues: ValidationIssue[] = []
    if (element.frontalAssetId) {
      issues.push(...validateImageAsset(element.frontalAssetId, project.assets, `${path}.frontalImage`, `${name}'s frontal image`))
    } else {
      issues.push(error('element_frontal_required', `${path}.frontalImage`, `${name} needs a frontal image.`))
    }
    const references = element.referenceAssetIds.length
    if (references < min || references > max) {
      issues.push(
        error('element_reference_count', `${path}.referenceImages`, `${name} has ${plural(references, 'reference image')} — it needs ${min} to ${max}.`),
      )
    }
    element.referenceAssetIds.forEach((assetId, j) => {
      issues.push(...validateImageAsset(assetId, project.assets, `${path}.referenceImages.${j}`, `${name}'s reference image ${j + 1}`))
    })
    return issues
  })
}

const aspectValues: Record<Clip['aspectRatio'], number> = { '16:9': 16 / 9, '9:16': 9 / 16, '1:1': 1 }
/** A frame within 15% of the chosen shape (e.g. 16:10 for 16:9) is close enough not to surprise anyone. */
const aspectTolerance = 1.15

function sisterPageWarnings(clip: Clip, project: Library): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (frameCount(clip) > 0 && clip.elementIds.length > apiRules.maxElementsWithFrames) {
    issues.push(
      warning(
        'elements_with_frames',
        'elements',
        `With a first or last frame, MuleRouter's image-to-video page allows up to ${apiRules.maxElementsWithFrames} elements ` +
          `and Kling's native element list holds ${apiRules.maxElementsWithFrames}; this clip has ${clip.elementIds.length}. The request may be refused.`,
      ),
    )
  }
  if (clip.multiShot && clip.lastFrameAssetId) {
    issues.push(
      warning(
        'multi_shot_with_last_frame',
        'lastFrame',
        `Kling's older Omni docs say multi-shot "does not support setting the start & end frames"; its 3.0 docs list it as supported. The request may be refused.`,
      ),
    )
  }
  const frame = clip.firstFrameAssetId === null ? undefined : findAsset(project.assets, clip.firstFrameAssetId)
  const chosen = aspectValues[clip.aspectRatio]
  if (frame && chosen !== undefined) {
    const shape = frame.width / frame.height
    if (Math.max(shape / chosen, chosen / shape) > aspectTolerance) {
      const nearest = aspectRatios.reduce((best, r) => (distance(aspectValues[r], shape) < distance(aspectValues[best], shape) ? r : best))
      issues.push(
        warning(
          'aspect_ratio_follows_first_frame',
          'aspectRatio',
          `The first frame is ${frame.width}×${frame.height}, far from ${clip.aspectRatio}. Kling's and MuleRouter's sister pages say the video follows ` +
            `the first frame's shape when there is one, so it may not come out ${clip.aspectRatio}.` +
            (nearest === clip.aspectRatio ? '' : ` ${nearest} is the closest choice.`),
        ),
      )
    }
  }
  return issues
}

function frameCount(clip: Pick<Clip, 'firstFrameAssetId' | 'lastFrameAssetId'>): number {
  return (clip.firstFrameAssetId ? 1 : 0) + (clip.lastFrameAssetId ? 1 : 0)
}

function distance(a: number, b: number): number {
  return Math.abs(Math.log(a / b))
}
