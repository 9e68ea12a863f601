import type { EditRequest } from '../domain/edit-request'
import type { Clip, Project, Take } from '../domain/project'
import type { GenerationPath } from '../domain/video-reference'
import { fail } from '../errors'
import { promptForPath, videoField, videoRefOf } from './path-form'

/** How a take's request names an image: the asset's content hash, never its bytes. */
export const assetRef = (assetId: string): string => `asset:${assetId}`

/** What a request is and where it goes: the one place that decides a path from what a clip or an edit holds. */
export type PlannedRequest = { endpoint: GenerationPath; request: Take['request'] }

/** A clip with a video is a next shot; with reference images, reference-to-video; otherwise text-to-video. */
export function endpointForClip(clip: Pick<Clip, 'videoReference' | 'referenceImageIds'>): GenerationPath {
  if (clip.videoReference) return 'video-to-video/generation'
  if ((clip.referenceImageIds ?? []).length > 0) return 'reference-to-video/generation'
  return 'text-to-video/generation'
}

/**
 * The request a clip would send now, with every image as `asset:<id>` and a take's video as `take:<id>`: the same
 * shape a take records, so a clip's current request can be compared with its chosen take's (`diffRequests`) in
 * main and in the renderer. Pure: images are named, not read; main validates and streams them when it is sent.
 */
export function planClipRequest(clip: Clip, project: Pick<Project, 'elements'>): PlannedRequest {
  const endpoint = endpointForClip(clip)
  const video = clip.videoReference
  const body: Record<string, unknown> = { duration: clip.duration, mode: clip.mode, aspect_ratio: clip.aspectRatio, sound: clip.sound }
  if (video || !clip.multiShot) {
    // A next shot has one prompt: the video paths take no multi-shot fields (validation says so).
    body.prompt = promptForPath(clip.prompt, endpoint)
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
  Object.assign(body, imagesAndElements(clip.referenceImageIds ?? [], clip.elementIds, project))
  if (video) Object.assign(body, videoField(videoRefOf(video.source), 'feature', video.keepOriginalSound))
  return { endpoint, request: body }
}

/** The request body alone; see planClipRequest. */
export const clipRequestSnapshot = (clip: Clip, project: Pick<Project, 'elements'>): Take['request'] => planClipRequest(clip, project).request

/** An edit's request (video-to-video/edit): as long as its source, so no duration, frames or sound of its own. */
export function planEditRequest(edit: EditRequest, project: Pick<Project, 'elements'>): PlannedRequest {
  const endpoint = 'video-to-video/edit'
  const body: Record<string, unknown> = { prompt: promptForPath(edit.instruction, endpoint), mode: edit.mode }
  if (edit.negativePrompt.trim() !== '') body.negative_prompt = edit.negativePrompt
  Object.assign(body, imagesAndElements(edit.referenceImageIds, edit.elementIds, project))
  Object.assign(body, videoField(videoRefOf(edit.source), 'base', edit.keepOriginalSound))
  return { endpoint, request: body }
}

function imagesAndElements(imageIds: readonly string[], elementIds: readonly string[], project: Pick<Project, 'elements'>): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  if (imageIds.length > 0) fields.images = imageIds.map(assetRef)
  if (elementIds.length > 0) {
    fields.elements = elementIds.map((elementId) => {
      const element = project.elements.find((candidate) => candidate.id === elementId)
      if (!element) fail('clip_invalid', 'This clip uses an element that no longer exists.', 'Remove the element from the clip.')
      if (!element.frontalAssetId) {
        fail('clip_invalid', `Element "${element.name}" has no front image.`, 'Add a front image to the element.')
      }
      return { type: 'image', frontal_image: assetRef(element.frontalAssetId), reference_images: element.referenceAssetIds.map(assetRef) }
    })
  }
  return fields
}
