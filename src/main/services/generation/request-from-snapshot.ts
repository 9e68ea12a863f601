import type { Project, Take } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import type { ReadAsset } from '../mulerouter/build-request'
import { encodeImageForRequest, type ImageEncoding } from '../mulerouter/encode-image'
import { TextToVideoRequestSchema, type TextToVideoRequest } from '../mulerouter/request-schema'

const ASSET_REF = /^asset:([a-f0-9]{64})$/

/**
 * Rebuilds the exact body a take was journaled with, from its `asset:<id>` snapshot. Used when the body is sent
 * later than it was built (a queued take after a restart, or "send again"), so what is sent is what the take says.
 */
export async function requestFromSnapshot(
  snapshot: Take['request'],
  project: Pick<Project, 'assets'>,
  readAsset: ReadAsset,
  imageEncoding: ImageEncoding,
): Promise<TextToVideoRequest> {
  const encode = async (value: unknown): Promise<unknown> => {
    const match = typeof value === 'string' ? ASSET_REF.exec(value) : null
    if (!match?.[1]) return value
    const assetId = match[1]
    const asset = project.assets.find((candidate) => candidate.id === assetId)
    if (!asset) fail('clip_invalid', 'An image this take used is no longer in the project.', 'Generate the clip again from the editor.')
    return encodeImageForRequest(await readAsset(assetId), asset.mime, imageEncoding)
  }
  const body: Record<string, unknown> = { ...snapshot }
  for (const field of ['first_frame', 'last_frame'] as const) {
    if (field in body) body[field] = await encode(body[field])
  }
  if (Array.isArray(body.elements)) {
    const elements: unknown[] = []
    for (const element of body.elements as { frontal_image?: unknown; reference_images?: unknown }[]) {
      const references = Array.isArray(element.reference_images) ? element.reference_images : []
      const encodedReferences: unknown[] = []
      for (const reference of references) encodedReferences.push(await encode(reference))
      elements.push({ ...element, frontal_image: await encode(element.frontal_image), reference_images: encodedReferences })
    }
    body.elements = elements
  }
  const parsed = TextToVideoRequestSchema.safeParse(body)
  if (!parsed.success) fail('clip_invalid', 'The request this take recorded can no longer be sent as it is.', 'Generate the clip again from the editor.')
  return parsed.data
}
