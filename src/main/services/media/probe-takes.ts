// Probes the take each clip plays in the cut, a few files at a time; reading one file is probe-video.ts.
import type { TakeMedia } from '../../../shared/cut/cut-plan'
import { cutTakes } from '../../../shared/cut/cut-takes'
import type { Project, Take } from '../../../shared/domain/project'
import { appError, isAppErrorException, type AppError } from '../../../shared/errors'
import { mapAtMost } from '../../../shared/map-at-most'
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

/** Reads what a take's file holds (probeVideo, or TakeProbes' remembered answer). */
export type ProbeTake = (root: string, filePath: string) => Promise<TakeMedia>

/** Files probed at once: enough to keep the disk and libuv's four threads busy, few enough for any descriptor limit. */
const AT_ONCE = 8

/**
 * Probes the video file of the take each clip plays in the cut (its first downloaded file) in the project at `root`,
 * a few files at a time: probing reads only each file's index, and a feature film has some 1,500 takes.
 */
export async function probeChosenTakes(project: Pick<Project, 'clips' | 'takes'>, root: string, takeFilePath: (fileName: string) => string, probe: ProbeTake = probeVideo): Promise<ProbedTakes> {
  const cut = cutTakes(project.takes)
  const wanted = new Map<string, { clipId: string; fileName: string }>()
  for (const clip of project.clips) {
    const take = cut.takeFor(clip)
    const fileName = take?.status === 'completed' ? videoFileOf(take) : null
    if (take && fileName !== null && !wanted.has(take.id)) wanted.set(take.id, { clipId: clip.id, fileName })
  }
  const takeIds = [...wanted.keys()]
  const outcomes = await mapAtMost([...wanted], AT_ONCE, async ([takeId, { clipId, fileName }]): Promise<TakeMedia | TakeProbeFailure> => {
    try {
      return await probe(root, takeFilePath(fileName))
    } catch (cause) {
      if (!isAppErrorException(cause)) throw cause
      return { clipId, takeId, error: cause.error }
    }
  })
  const mediaByTakeId = new Map<string, TakeMedia>()
  const failures: TakeProbeFailure[] = []
  outcomes.forEach((outcome, index) => {
    if ('error' in outcome) failures.push(outcome)
    else mediaByTakeId.set(takeIds[index]!, outcome)
  })
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
