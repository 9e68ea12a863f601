import { assetReaderFor, buildRequestBody } from '../main/services/mulerouter/build-request'
import { materializeBody } from '../main/services/mulerouter/request-body'
import { generationUrlPath } from '../main/services/mulerouter/request-schema'
import type { ProjectSession } from '../main/services/project/project-session'
import type { RenderArgs } from './args'
import type { CliIo } from './cli-io'
import { clipLabel, type SelectedClip } from './clip-selection'
import { withShortImages } from './shorten-images'

/** Builds each body with the same code the engine sends with; prints it instead of sending it. */
export async function printRequestBodies(session: ProjectSession, clips: readonly SelectedClip[], args: RenderArgs, io: CliIo): Promise<void> {
  for (const selected of clips) {
    const built = await buildRequestBody(selected.clip, session.project(), assetReaderFor(session), { imageEncoding: args.imageEncoding })
    io.stderr(`# ${clipLabel(selected)} (id ${selected.clip.id}): would POST ${args.baseUrl}${generationUrlPath(built.endpoint)}\n`)
    const body = await materializeBody(built.body)
    io.stdout(`${JSON.stringify(args.full ? body : withShortImages(body), null, 2)}\n`)
  }
}
