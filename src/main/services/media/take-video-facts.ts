import type { Take } from '../../../shared/domain/project'
import type { VideoFacts } from '../../../shared/domain/video-reference'
import { fail } from '../../../shared/errors'
import { containedFileSize } from '../disk/contained-file'
import type { ProjectSession } from '../project/project-session'
import { probeVideo } from './probe-video'

type Session = Pick<ProjectSession, 'dir' | 'project' | 'takeFilePath' | 'updateTake'>

/**
 * What a finished take's video holds, read from its own file (the bytes MuleRouter would fetch from the take's
 * link): duration, size, frame rate and bytes, so the pre-flight of an edit or a next shot can say "take 2 is 15 s".
 */
export async function readTakeVideoFacts(session: Pick<Session, 'dir' | 'takeFilePath'>, take: Take): Promise<VideoFacts> {
  const fileName = [...take.files].sort((a, b) => a.index - b.index).find((file) => file.fileName !== null)?.fileName
  if (take.status !== 'completed' || !fileName) {
    fail('take_file_missing', 'This take has no video on disk yet.', 'Wait for it to finish downloading, or Retry download.')
  }
  const filePath = session.takeFilePath(fileName)
  const media = await probeVideo(session.dir, filePath)
  return {
    durationSeconds: media.durationSeconds,
    width: media.width,
    height: media.height,
    fps: media.frameRate.num / media.frameRate.den,
    bytes: await containedFileSize(session.dir, filePath),
    contentType: 'video/mp4',
  }
}

/** Probes a take (one the engine finished before it recorded facts, say) and keeps the facts on it; `onUpdated` tells the window. */
export async function probeTakeVideoFacts(session: Session, takeId: string, onUpdated: (take: Take) => void): Promise<VideoFacts> {
  const take = session.project().takes.find((candidate) => candidate.id === takeId)
  if (!take) fail('not_found', 'That take is not in this project.', 'It may have been removed.')
  const facts = await readTakeVideoFacts(session, take)
  onUpdated(await session.updateTake(takeId, (current) => ({ ...current, videoFacts: facts })))
  return facts
}
