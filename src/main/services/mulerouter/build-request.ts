import type { Clip, Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { readProjectFile } from '../project/read-project-file'
import { encodeImageForRequest, type ImageEncoding } from './encode-image'
import { TextToVideoRequestSchema, type TextToVideoRequest } from './request-schema'

export type { ImageEncoding } from './encode-image'

export type ReadAsset = (assetId: string) => Promise<Uint8Array>

/** Reads asset bytes without blocking the main process (fs.promises, never readFileSync), never through a link. */
export const assetReaderFor =
  (assetPath: (assetId: string) => string): ReadAsset =>
  (assetId) =>
    readProjectFile(assetPath(assetId))

export interface BuiltRequest {
  /** Exactly what is POSTed. */
  body: TextToVideoRequest
  /** The same body with every image as `asset:<id>`, stored with the take so it can be reproduced. */
  snapshot: Record<string, unknown>
}

export const assetRef = (assetId: string): string => `asset:${assetId}`

type ImageSlot = { assetId: string }
/** A body whose image fields hold asset references until they are resolved one way or the other. */
type BodyShape<Image> = Omit<TextToVideoRequest, 'first_frame' | 'last_frame' | 'elements'> & {
  first_frame?: Image
  last_frame?: Image
  elements?: { type: 'image'; frontal_image: Image; reference_images: Image[] }[]
}

/**
 * Turns a clip into the text-to-video body. The caller runs validateClip first; this still refuses a body
 * the endpoint would reject, because a rejected request can cost a user's time and a wrong one money.
 */
export async function buildRequestBody(
  clip: Clip,
  project: Pick<Project, 'assets' | 'elements'>,
  readAsset: ReadAsset,
  options: { imageEncoding: ImageEncoding },
): Promise<BuiltRequest> {
  const shape = describeBody(clip, project)
  const snapshot = mapImages(shape, (slot) => assetRef(slot.assetId))
  const encoded = new Map<string, string>()
  for (const assetId of collectAssetIds(shape)) {
    const asset = project.assets.find((candidate) => candidate.id === assetId)
    if (!asset) fail('clip_invalid', 'An image this clip uses is missing from the project.', 'Remove the image from the clip or import it again.')
    encoded.set(assetId, await encodeImageForRequest(await readAsset(assetId), asset.mime, options.imageEncoding))
  }
  const body = mapImages(shape, (slot) => encoded.get(slot.assetId) ?? '')
  const parsed = TextToVideoRequestSchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'request'
    fail('clip_invalid', `This clip cannot be sent yet: ${where} ${issue?.message ?? 'is invalid'}.`, 'Fix the clip and try again.')
  }
  return { body: parsed.data, snapshot: snapshot as Record<string, unknown> }
}

function describeBody(clip: Clip, project: Pick<Project, 'assets' | 'elements'>): BodyShape<ImageSlot> {
  const body: BodyShape<ImageSlot> = { duration: clip.duration, mode: clip.mode, aspect_ratio: clip.aspectRatio, sound: clip.sound }
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
  if (clip.firstFrameAssetId) body.first_frame = { assetId: clip.firstFrameAssetId }
  if (clip.lastFrameAssetId) body.last_frame = { assetId: clip.lastFrameAssetId }
  if (clip.elementIds.length > 0) {
    body.elements = clip.elementIds.map((elementId) => {
      const element = project.elements.find((candidate) => candidate.id === elementId)
      if (!element) fail('clip_invalid', 'This clip uses an element that no longer exists.', 'Remove the element from the clip.')
      if (!element.frontalAssetId) {
        fail('clip_invalid', `Element "${element.name}" has no front image.`, 'Add a front image to the element.')
      }
      return {
        type: 'image' as const,
        frontal_image: { assetId: element.frontalAssetId },
        reference_images: element.referenceAssetIds.map((assetId) => ({ assetId })),
      }
    })
  }
  return body
}

function mapImages<From, To>(body: BodyShape<From>, map: (image: From) => To): BodyShape<To> {
  const { first_frame, last_frame, elements, ...rest } = body
  const out: BodyShape<To> = { ...rest }
  if (first_frame !== undefined) out.first_frame = map(first_frame)
  if (last_frame !== undefined) out.last_frame = map(last_frame)
  if (elements !== undefined) {
    out.elements = elements.map((element) => ({
      type: element.type,
      frontal_image: map(element.frontal_image),
      reference_images: element.reference_images.map(map),
    }))
  }
  return out
}

function collectAssetIds(body: BodyShape<ImageSlot>): string[] {
  const ids = new Set<string>()
  mapImages(body, (slot) => ids.add(slot.assetId))
  return [...ids]
}
