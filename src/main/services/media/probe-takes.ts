import { takeForCut, type TakeMedia } from '../../../shared/cut/cut-plan'
import type { Project, Take } from '../../../shared/domain/project'
import { appError, isAppErrorException, type AppError } from '../../../shared/errors'
import { probeVideo } from './probe-video'

export interface TakeProbeFailure {
  clipId: string
  takeId: string
  error: AppError
}

export interface ProbedTakes {
  /** What `planCut` wants: the media of every take the cut plays (see takeForCut) whose file could be read. */
  mediaByTakeId: Map<string, TakeMedia>
  /** Chosen, finished takes whose file is missing or unreadable, so a caller can say which and why. */
  failures: TakeProbeFailure[]
}

/**
 * Probes the video file of the take each clip plays in the cut (its first downloaded file) in the project at `root`,
 * one file at a time: probing reads only each file's index, and a project has at most a few hundred clips.
 */
export async function probeChosenTakes(project: Pick<Project, 'clips' | 'takes'>, root: string, takeFilePath: (fileName: string) => string): Promise<ProbedTakes> {
  const mediaByTakeId = new Map<string, TakeMedia>()
  const failures: TakeProbeFailure[] = []
  for (const clip of project.clips) {
    const take = takeForCut(clip, project.takes)
    if (!take || take.status !== 'completed' || mediaByTakeId.has(take.id)) continue
    const fileName = videoFileOf(take)
    if (fileName === null) continue
    try {
      mediaByTakeId.set(take.id, await probeVideo(root, takeFilePath(fileName)))
    } catch (cause) {
      if (!isAppErrorException(cause)) throw cause
      failures.push({ clipId: clip.id, takeId: take.id, error: cause.error })
    }
  }
  return { mediaByTakeId, failures }
}

/** A take's failure as the user reads it, led by its clip's number on the timeline ("Clip 3: …"). */
export function clipFailure(project: Pick<Project, 'clips'>, failure: TakeProbeFailure, hint = failure.error.hint): AppError {
  const clipNumber = project.clips.findIndex((clip) => clip.id === failure.clipId) + 1
  return appError(failure.error.code, `Clip ${clipNumber}: ${failure.error.message}`, hint)
}

function videoFileOf(take: Take): string | null {
  const file = [...take.files].sort((a, b) => a.index - b.index).find((candidate) => candidate.fileName !== null)
  return file?.fileName ?? null
}
