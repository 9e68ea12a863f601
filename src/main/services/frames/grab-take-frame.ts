import type { Asset, AssetProvenance } from '../../../shared/domain/project'
import { AppErrorException, fail } from '../../../shared/errors'
import type { ProjectSession } from '../project/project-session'
import { extractFramePng, type ExtractOptions, type FramePosition } from './extract-frame'

export type GrabFrameRequest = { takeId: string; index: number; at: FramePosition }

/**
 * Turns one frame of a finished take into an ordinary project asset: decoded at full size, then imported through
 * the same checks and thumbnailing as a dropped image, remembering which take and time it came from.
 */
export async function grabTakeFrame(
  session: Pick<ProjectSession, 'project' | 'takeFilePath' | 'importBytes'>,
  request: GrabFrameRequest,
  options: ExtractOptions = {},
): Promise<Asset> {
  const take = session.project().takes.find((candidate) => candidate.id === request.takeId)
  if (!take) fail('not_found', 'That take is not in this project.', 'It may have been removed.')
  const file = take.files.find((candidate) => candidate.index === request.index)
  if (take.status !== 'completed' || !file?.fileName) {
    fail('frame_failed', 'This take has no video on disk yet.', 'Wait for it to finish downloading, or Retry download.')
  }
  const { png, durationSeconds } = await extractFramePng(session.takeFilePath(file.fileName), request.at, options)
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

function frameTime(at: FramePosition, durationSeconds: number | null): number {
  if (at.kind === 'first') return 0
  if (at.kind === 'time') return Math.max(0, at.seconds)
  return durationSeconds ?? 0
}

const frameFileName = (takeId: string, at: FramePosition): string =>
  `${takeId}-${at.kind === 'time' ? `${at.seconds.toFixed(3)}s` : at.kind}.png`
