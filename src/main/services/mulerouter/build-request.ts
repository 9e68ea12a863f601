import type { Clip, Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { containedFileSize, readContainedInChunks } from '../disk/contained-file'
import type { ProjectSession } from '../project/project-session'
import type { ImageEncoding } from './encode-image'
import type { EditRequest } from '../../../shared/domain/edit-request'
import type { GenerationPath } from '../../../shared/domain/video-reference'
import { planClipRequest, planEditRequest, type PlannedRequest } from '../../../shared/takes/clip-request'
import { mapImages, type GenerationRequest } from './image-fields'
import { requestSchemaFor } from './path-schemas'
import { assetIdOf, type AssetReader, type BodyImage, type RequestBody } from './request-body'

export type { ImageEncoding } from './encode-image'
export type { AssetReader, RequestBody } from './request-body'

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
  /** The path it goes to, stored with the take too. */
  endpoint: GenerationPath
}

/**
 * Turns a clip (or an edit) into the body of the path it needs. The caller validates first; this still refuses a
 * body the endpoint would reject, because a rejected request can cost a user's time and a wrong one money.
 */
export async function buildRequestBody(
  clip: Clip,
  project: Pick<Project, 'assets' | 'elements'>,
  reader: AssetReader,
  options: { imageEncoding: ImageEncoding },
): Promise<BuiltRequest> {
  return built(planClipRequest(clip, project), project, reader, options.imageEncoding)
}

export async function buildEditBody(
  edit: EditRequest,
  project: Pick<Project, 'assets' | 'elements'>,
  reader: AssetReader,
  options: { imageEncoding: ImageEncoding },
): Promise<BuiltRequest> {
  return built(planEditRequest(edit, project), project, reader, options.imageEncoding)
}

async function built(planned: PlannedRequest, project: Pick<Project, 'assets'>, reader: AssetReader, encoding: ImageEncoding): Promise<BuiltRequest> {
  const body = await bodyFromSnapshot(planned.request, planned.endpoint, project, reader, encoding, 'clip')
  return { body, snapshot: body.snapshot as Record<string, unknown>, endpoint: planned.endpoint }
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
  endpoint: GenerationPath,
  project: Pick<Project, 'assets'>,
  reader: AssetReader,
  encoding: ImageEncoding,
  origin: keyof typeof problems,
): Promise<RequestBody> {
  const parsed = requestSchemaFor(endpoint).safeParse(snapshot)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return problems[origin].invalid(issue?.path.join('.') || 'request', issue?.message ?? 'is invalid')
  }
  const images = new Map<string, BodyImage>()
  const assetIds = new Set<string>()
  mapImages(parsed.data as GenerationRequest, (ref) => assetIds.add(assetIdOf(ref)))
  for (const assetId of assetIds) {
    const asset = project.assets.find((candidate) => candidate.id === assetId)
    if (!asset) return problems[origin].missing()
    images.set(assetId, { assetId, mime: asset.mime, byteLength: await reader.size(assetId) })
  }
  return { endpoint, snapshot: parsed.data as GenerationRequest, images, encoding, reader }
}
