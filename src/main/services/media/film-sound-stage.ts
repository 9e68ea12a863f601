import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultMix, loudnessTargets, type LoudnessTarget } from '../../../shared/audio/audio-schema'
import { isPlainMix, planMix, type ClipSpan, type MixPlan } from '../../../shared/audio/mix-plan'
import type { CutEntry } from '../../../shared/cut/cut-plan'
import type { Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { audioDemuxers, audioFileName } from '../audio/audio-kind'
import { containedPath } from '../disk/contained-file'
import { requirePathInsideProject } from '../project/project-folder'
import { runFfmpeg, type AudioDemuxer } from './ffmpeg'
import { MIX_RATE, mixFilterGraph } from './mix-filter-graph'

/** What the sound stage of a film export mixes: the plan of the lanes and levels over the film as exported. */
export interface FilmSoundStage {
  plan: MixPlan
  files: ReadonlyMap<string, { fileName: string; demuxer: AudioDemuxer }>
  loudness: LoudnessTarget
  filmSeconds: number
  pictureHasSound: boolean
}

const TRUE_PEAK = -1.5
const LOUDNESS_RANGE = 11
const failure = { code: 'export_failed' as const, hint: 'Check the sound files play on their own, then export again.' }

/**
 * The sound stage for the clips going into the film (their times laid end to end, as exported), or null when the
 * mix changes nothing: no lane item sounds and every clip is at full level, so the film keeps the takes' own sound
 * untouched, exactly as before lanes existed.
 */
export function filmSoundStage(project: Project, entries: readonly CutEntry[], filmSeconds: number, pictureHasSound: boolean): FilmSoundStage | null {
  let start = 0
  const spans: ClipSpan[] = entries.map((entry) => {
    const span = { clipId: entry.clipId, startSeconds: start, durationSeconds: entry.durationSeconds }
    start += entry.durationSeconds
    return span
  })
  const mix = project.mix ?? defaultMix
  const plan = planMix(mix, project.audioFiles ?? [], spans, filmSeconds)
  if (isPlainMix(plan)) return null
  const files = new Map((project.audioFiles ?? []).map((file) => [file.id, { fileName: audioFileName(file), demuxer: audioDemuxers[file.kind] }]))
  return { plan, files, loudness: mix.loudness, filmSeconds, pictureHasSound }
}

/**
 * Writes the film to `outputPath`: straight there when there is nothing to mix; otherwise the picture goes to a
 * temporary file, and the mix replaces its sound while its video is copied as it is (a copy-joined film stays a
 * copy). Loudness is normalised in two passes — measured, then set with one linear gain (`loudnorm`) — so the film
 * lands on its target without pumping.
 */
export async function withFilmSound(stage: FilmSoundStage | null, dir: string, outputPath: string, signal: AbortSignal, onMixing: (fraction: number) => void, writePicture: (picturePath: string) => Promise<void>): Promise<void> {
  if (!stage) return writePicture(outputPath)
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-mix-'))
  try {
    const picturePath = path.join(work, 'picture.mp4')
    await writePicture(picturePath)
    const files = new Map<string, { filePath: string; demuxer: AudioDemuxer }>()
    for (const [audioId, file] of stage.files) {
      if (!stage.plan.sources.some((source) => source.audioId === audioId)) continue
      // ffmpeg reads a sound file by path, so it gets one only once the containment check has passed.
      files.set(audioId, { filePath: await containedPath(dir, requirePathInsideProject(dir, 'audio', file.fileName)), demuxer: file.demuxer })
    }
    const graph = mixFilterGraph(stage.plan, stage.filmSeconds, stage.pictureHasSound, files)
    const inputs = [{ kind: 'take' as const, filePath: picturePath }, ...graph.inputs]
    const target = `I=${loudnessTargets[stage.loudness]}:TP=${TRUE_PEAK}:LRA=${LOUDNESS_RANGE}`
    const script = (name: string, last: string): Promise<string> => writeScript(path.join(work, name), [...graph.filters, last])
    let measured = ''
    await runFfmpeg({
      inputs,
      outputOptions: ['-filter_complex_script', await script('measure.txt', `[mix]loudnorm=${target}:print_format=json[a]`), '-map', '[a]', '-f', 'null'],
      outputPath: path.join(work, 'measure.null'),
      outputSeconds: stage.filmSeconds,
      failure,
      signal,
      onOutSeconds: (seconds) => onMixing(Math.min(0.5, seconds / stage.filmSeconds / 2)),
      onLog: (log) => (measured = log),
    })
    const measurement = loudnormMeasurement(measured)
    // Silence has no loudness to bring to a target; it goes out as it is.
    const level = measurement === null ? 'anull' : `loudnorm=${target}:${measurement}:linear=true`
    await runFfmpeg({
      inputs,
      outputOptions: [
        '-filter_complex_script', await script('mix.txt', `[mix]${level},aresample=${MIX_RATE}[a]`),
        '-map', '0:v', '-map', '[a]', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '192k', '-ar', String(MIX_RATE),
        '-movflags', '+faststart', '-f', 'mp4',
      ],
      outputPath,
      outputSeconds: stage.filmSeconds,
      failure,
      signal,
      onOutSeconds: (seconds) => onMixing(Math.min(1, 0.5 + seconds / stage.filmSeconds / 2)),
    })
    onMixing(1)
  } finally {
    await fs.rm(work, { recursive: true, force: true })
  }
}

/** `loudnorm`'s first-pass report as the options of its second pass; null for silence (measured as -inf). */
function loudnormMeasurement(log: string): string | null {
  const json = /\{[^{}]*"input_i"[^{}]*\}/.exec(log)?.[0]
  const report = json ? (JSON.parse(json) as Record<string, string>) : null
  if (report?.input_i === '-inf') return null
  const values = report ? [report.input_i, report.input_tp, report.input_lra, report.input_thresh, report.target_offset] : []
  if (values.length === 0 || values.some((value) => value === undefined || !Number.isFinite(Number(value)))) {
    fail('export_failed', 'Could not measure the loudness of the film’s sound.', failure.hint)
  }
  const [i, tp, lra, thresh, offset] = values
  return `measured_I=${i}:measured_TP=${tp}:measured_LRA=${lra}:measured_thresh=${thresh}:offset=${offset}`
}

async function writeScript(file: string, filters: readonly string[]): Promise<string> {
  // A film of many items makes a graph longer than a Windows command line may be; a script file has no limit.
  await fs.writeFile(file, filters.join(';\n'))
  return file
}
