import type { Clip, Project } from '../domain/project'
import { cutTakes } from './cut-takes'
import { editLineageWords } from '../takes/lineage-words'

/** Frames per second as a rational, as in MP4 time scales and OpenTimelineIO (24, 30000/1001, …). */
export interface FrameRate {
  num: number
  den: number
}

/** What a downloaded take's file really holds, read from the file itself (see services/media/probe-video). */
export interface TakeMedia {
  /** File name inside the project's `takes/` folder. */
  fileName: string
  width: number
  height: number
  frameRate: FrameRate
  /** Number of video frames in the file. */
  frames: number
  durationSeconds: number
  hasAudio: boolean
  /** The sound's channel count and sample rate in Hz as the file has them (editors' asset metadata); 0 when silent. */
  audioChannels: number
  audioRate: number
  /** Video codec string, e.g. `avc1.64001f`; equal strings (plus equal size) are what lets takes join without re-encoding. */
  videoCodec: string
}

/** A shot boundary inside a clip, for markers and captions; times are relative to the clip's start. */
export interface CutShot {
  index: number
  prompt: string
  startSeconds: number
  durationSeconds: number
}

interface CutEntryBase {
  clipId: string
  /** 1-based position on the timeline, as the UI and file names show it. */
  clipNumber: number
  title: string
  prompt: string
  firstFrameAssetId: string | null
  /** Where the clip starts on the film's timeline, and how long it lasts there. */
  startSeconds: number
  durationSeconds: number
  shots: CutShot[]
}

/** A clip that plays its chosen take's video. */
export interface CutTakeEntry extends CutEntryBase {
  kind: 'take'
  takeId: string
  takeNumber: number
  media: TakeMedia
  /** For an edit take: "Edit of take 2: add falling snow", kept in the hand-off files' metadata. */
  lineage?: string
}

/** A clip with no playable take yet: held as a still (its first frame, or a title card) for the clip's duration. */
export interface CutAnimaticEntry extends CutEntryBase {
  kind: 'animatic'
  /** Why there is no video: nothing chosen, the chosen take has no file on disk, or its file was refused. */
  reason: 'no_take' | 'take_not_ready' | 'take_refused'
  /** For a refused take: why, in plain words ("The take … ends early"), so the player can say it. */
  problem?: string
}

export type CutEntry = CutTakeEntry | CutAnimaticEntry

export interface CutPlan {
  entries: CutEntry[]
  durationSeconds: number
}

/**
 * The film as the timeline says it: every clip in order, each either its chosen take (when that take finished and
 * its file was probed) or an animatic hold of the clip's own duration. Pure: the caller probes the files, and names
 * in `refusedTakes` the takes whose file it refused (take id → why).
 */
export function planCut(project: Pick<Project, 'clips' | 'takes'>, mediaByTakeId: ReadonlyMap<string, TakeMedia>, refusedTakes: ReadonlyMap<string, string> = new Map()): CutPlan {
  const entries: CutEntry[] = []
  const cut = cutTakes(project.takes)
  let start = 0
  project.clips.forEach((clip, index) => {
    const base = { clipId: clip.id, clipNumber: index + 1, title: clip.title, prompt: clip.prompt, firstFrameAssetId: clip.firstFrameAssetId, startSeconds: start }
    const take = cut.takeFor(clip)
    const media = take ? mediaByTakeId.get(take.id) : undefined
    if (take && media && media.durationSeconds > 0) {
      const durationSeconds = media.durationSeconds
      const lineage = editLineageWords(take, project.takes)
      const taken = { ...base, kind: 'take' as const, takeId: take.id, takeNumber: cut.numberOf(take.id) ?? 1, media, durationSeconds, shots: shotsOf(clip, durationSeconds) }
      entries.push(lineage === null ? taken : { ...taken, lineage })
    } else {
      const durationSeconds = clip.duration
      const problem = take ? refusedTakes.get(take.id) : undefined
      const held = { ...base, kind: 'animatic' as const, durationSeconds, shots: shotsOf(clip, durationSeconds) }
      entries.push(problem !== undefined ? { ...held, reason: 'take_refused', problem } : { ...held, reason: take ? 'take_not_ready' : 'no_take' })
    }
    start += entries[entries.length - 1]?.durationSeconds ?? 0
  })
  return { entries, durationSeconds: start }
}

/**
 * Shot boundaries of a multi-shot clip. Kling's video can run a little longer or shorter than asked, so the
 * requested durations are laid end to end and the last shot absorbs the difference; a single-prompt clip is one shot.
 */
function shotsOf(clip: Clip, durationSeconds: number): CutShot[] {
  if (!clip.multiShot || clip.shots.length === 0) return [{ index: 0, prompt: clip.prompt, startSeconds: 0, durationSeconds }]
  const shots: CutShot[] = []
  let start = 0
  clip.shots.forEach((shot, index) => {
    if (start >= durationSeconds) return
    const last = index === clip.shots.length - 1
    const length = last ? durationSeconds - start : Math.min(shot.duration, durationSeconds - start)
    shots.push({ index, prompt: shot.prompt, startSeconds: start, durationSeconds: length })
    start += length
  })
  return shots
}
