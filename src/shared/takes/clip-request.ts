import type { Clip, Project, Take } from '../domain/project'
import { fail } from '../errors'

/** How a take's request names an image: the asset's content hash, never its bytes. */
export const assetRef = (assetId: string): string => `asset:${assetId}`

/**
 * The request a clip would send now, with every image as `asset:<id>`: the same shape a take records, so a
 * clip's current request can be compared with its chosen take's (`diffRequests`) in main and in the renderer.
 * Pure: images are named, not read; the main process validates and streams them when the take is sent.
 */
export function clipRequestSnapshot(clip: Clip, project: Pick<Project, 'elements'>): Take['request'] {
  const body: Record<string, unknown> = { duration: clip.duration, mode: clip.mode, aspect_ratio: clip.aspectRatio, sound: clip.sound }
  if (!clip.multiShot) {
    body.prompt = clip.prompt
  } else if (clip.shotType === 'customize') {
    body.multi_shot = true
    body.shot_type = 'customize'
    body.multi_prompt = clip.shots.map((shot) => ({ prompt: shot.prompt, duration: shot.duration }))
  } else {
    body.multi_shot = true
    body.shot_type = 'intelligence'
    body.prompt = clip.prompt
  }
  if (clip.negativePrompt.trim() !== '') body.negative_prompt = clip.negativePrompt
  if (clip.firstFrameAssetId) body.first_frame = assetRef(clip.firstFrameAssetId)
  if (clip.lastFrameAssetId) body.last_frame = assetRef(clip.lastFrameAssetId)
  if (clip.elementIds.length > 0) {
    body.elements = clip.elementIds.map((elementId) => {
      const element = project.elements.find((candidate) => candidate.id === elementId)
      if (!element) fail('clip_invalid', 'This clip uses an element that no longer exists.', 'Remove the element from the clip.')
      if (!element.frontalAssetId) {
        fail('clip_invalid', `Element "${element.name}" has no front image.`, 'Add a front image to the element.')
      }
      return { type: 'image', frontal_image: assetRef(element.frontalAssetId), reference_images: element.referenceAssetIds.map(assetRef) }
    })
  }
  return body
}
