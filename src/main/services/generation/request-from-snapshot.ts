import type { Project, Take } from '../../../shared/domain/project'
import { defaultGenerationPath } from '../../../shared/domain/video-reference'
import { bodyFromSnapshot, type AssetReader, type RequestBody } from '../mulerouter/build-request'
import type { ImageEncoding } from '../mulerouter/encode-image'

/**
 * The exact body a take was journaled with, from its `asset:<id>` snapshot. Used when the body is sent later
 * than it was built (a queued take after a restart, or "send again"), so what is sent is what the take says.
 */
export function requestFromSnapshot(take: Pick<Take, 'request' | 'endpoint'>, project: Pick<Project, 'assets'>, reader: AssetReader, imageEncoding: ImageEncoding): Promise<RequestBody> {
  return bodyFromSnapshot(take.request, take.endpoint ?? defaultGenerationPath, project, reader, imageEncoding, 'take')
}
