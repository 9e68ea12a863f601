import type { Asset, AssetProvenance } from '../../../shared/domain/project'
import { AppErrorException, fail } from '../../../shared/errors'
import { probeVideo } from '../media/probe-video'
import type { ProjectSession } from '../project/project-session'
import { extractFramePng, type FramePosition } from './extract-frame'

export type GrabFrameRequest = { takeId: string; index: number; at: FramePosition }

/**
 * Turns one frame of a finished take into an ordinary project asset: decoded at full size, then imported through
 * the same checks and thumbnailing as a dropped image, remembering which take and time it came from. The take is
 * probed first, so one that is a link, cut short or claims an impossible index is refused before anything decodes it.
 */
export async function grabTakeFrame(session: Pick<ProjectSession, 'dir' | 'project' | 'takeFilePath' | 'importBytes'>, request: GrabFrameRequest): Promise<Asset> {
  const take = session.project().takes.find((candidate) => candidate.id === request.takeId)
  if (!take) fail('not_found', 'That take is not in this project.', 'It may have been removed.')
  const file = take.files.find((candidate) => candidate.index === request.index)
  if (take.status !== 'completed' || !file?.fileName) {
    fail('frame_failed', 'This take has no video on disk yet.', 'Wait for it to finish downloading, or Retry download.')
  }
  const videoPath = session.takeFilePath(file.fileName)
  const { durationSeconds } = await probeVideo(session.dir, videoPath)
  const png = await extractFramePng(session.dir, videoPath, request.at)
  const provenance: AssetProvenance = {
    takeId: take.id,
    clipId: take.clipId,
    timeSeconds: frameTime(request.at, durationSeconds),
    position: request.at.kind,
  }
  const { assets, rejected } = await session.importBytes(frameFileName(take.id, request.at), png, provenance)
  const asset = assets[0]
  // A frame can still be refused like any image (a small test video is under Kling's 300 px minimum).
  if (!asset) throw new AppErrorException(rejected[0]?.error ?? { code: 'frame_failed', message: 'The frame could not be imported.', hint: '' })
  return asset
}

function frameTime(at: FramePosition, durationSeconds: number): number {
  if (at.kind === 'first') return 0
  if (at.kind === 'time') return Math.max(0, at.seconds)
  return durationSeconds
}

const frameFileName = (takeId: string, at: FramePosition): string =>
  `${takeId}-${at.kind === 'time' ? `${at.seconds.toFixed(3)}s` : at.kind}.png`
