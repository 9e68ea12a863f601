import type { Clip, Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { containedFileSize, readContainedInChunks } from '../disk/contained-file'
import type { ProjectSession } from '../project/project-session'
import type { ImageEncoding } from './encode-image'
import { clipRequestSnapshot } from '../../../shared/takes/clip-request'
import { mapImages } from './image-fields'
import { assetIdOf, type AssetReader, type BodyImage, type RequestBody } from './request-body'
import { TextToVideoRequestSchema } from './request-schema'

export type { ImageEncoding } from './encode-image'
export { assetRef, type AssetReader, type RequestBody } from './request-body'

/** Reads asset bytes without blocking the main process (fs.promises, never readFileSync), only from inside the project. */
export const assetReaderFor = (session: Pick<ProjectSession, 'dir' | 'assetPath'>): AssetReader => ({
  size: (assetId) => containedFileSize(session.dir, session.assetPath(assetId)),
  chunks: (assetId, chunkBytes) => readContainedInChunks(session.dir, session.assetPath(assetId), chunkBytes),
})

export interface BuiltRequest {
  /** Exactly what is POSTed, streamed from the images on disk when it is sent. */
  body: RequestBody
  /** The same body with every image as `asset:<id>`, stored with the take so it can be reproduced. */
  snapshot: Record<string, unknown>
}

/**
 * Turns a clip into the text-to-video body. The caller runs validateClip first; this still refuses a body
 * the endpoint would reject, because a rejected request can cost a user's time and a wrong one money.
 */
export async function buildRequestBody(
  clip: Clip,
  project: Pick<Project, 'assets' | 'elements'>,
  reader: AssetReader,
  options: { imageEncoding: ImageEncoding },
): Promise<BuiltRequest> {
  const snapshot = clipRequestSnapshot(clip, project)
  const body = await bodyFromSnapshot(snapshot, project, reader, options.imageEncoding, 'clip')
  return { body, snapshot: body.snapshot as Record<string, unknown> }
}

const problems = {
  clip: {
    invalid: (where: string, message: string) => fail('clip_invalid', `This clip cannot be sent yet: ${where} ${message}.`, 'Fix the clip and try again.'),
    missing: () => fail('clip_invalid', 'An image this clip uses is missing from the project.', 'Remove the image from the clip or import it again.'),
  },
  take: {
    invalid: () => fail('clip_invalid', 'The request this take recorded can no longer be sent as it is.', 'Generate the clip again from the editor.'),
    missing: () => fail('clip_invalid', 'An image this take used is no longer in the project.', 'Generate the clip again from the editor.'),
  },
} as const

/**
 * Validates a body whose images are `asset:<id>` and learns each image's size on disk. Nothing is read yet:
 * the images are read one at a time while the request is streamed.
 */
export async function bodyFromSnapshot(
  snapshot: unknown,
  project: Pick<Project, 'assets'>,
  reader: AssetReader,
  encoding: ImageEncoding,
  origin: keyof typeof problems,
): Promise<RequestBody> {
  const parsed = TextToVideoRequestSchema.safeParse(snapshot)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return problems[origin].invalid(issue?.path.join('.') || 'request', issue?.message ?? 'is invalid')
  }
  const images = new Map<string, BodyImage>()
  const assetIds = new Set<string>()
  mapImages(parsed.data, (ref) => assetIds.add(assetIdOf(ref)))
  for (const assetId of assetIds) {
    const asset = project.assets.find((candidate) => candidate.id === assetId)
    if (!asset) return problems[origin].missing()
    images.set(assetId, { assetId, mime: asset.mime, byteLength: await reader.size(assetId) })
  }
  return { snapshot: parsed.data, images, encoding, reader }
}
