import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultMix, loudnessTargets, type LoudnessTarget } from '../../../shared/domain/audio-schema'
import { isPlainMix, planMix, type ClipSpan, type MixPlan } from '../../../shared/audio/mix-plan'
import type { CutEntry } from '../../../shared/cut/cut-plan'
import type { Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { audioDemuxers, audioFileName } from '../audio/audio-kind'
import { containedPath } from '../disk/contained-file'
import { requirePathInsideProject } from '../disk/project-folder'
import { segmentCount } from './aac-segments'
import { encodeMix } from './encode-mix'
import { runFfmpeg, type AudioDemuxer } from '../ffmpeg/ffmpeg'
import { MIX_RATE, mixFilterGraph } from './mix-filter-graph'

/** What the sound stage of a film export mixes: the plan of the lanes and levels over the film as exported. */
export interface FilmSoundStage {
  plan: MixPlan
  files: ReadonlyMap<string, { fileName: string; demuxer: AudioDemuxer }>
  loudness: LoudnessTarget
  filmSeconds: number
  pictureHasSound: boolean
}

/** −1.5 dBFS, the peak ceiling web and broadcast delivery specs leave room under. */
const PEAK_LIMIT = Math.pow(10, -1.5 / 20)
/** EBU R128's absolute gate: what measures at or under it is silence. */
const SILENCE_LUFS = -70
/** The share of the mixing progress bar the decode-mix-measure pass takes; encoding the AAC is the rest. */
const MEASURE_SHARE = 0.2
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
 * copy). The sound is decoded and mixed once: that pass measures it (`ebur128`, EBU R128 integrated loudness) and
 * keeps the mix as raw samples; the encoders then apply the one gain that brings it to its target, so nothing pumps.
 * (`loudnorm` resamples to 192 kHz to do the same, and cost more than the rest of the mix together.)
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
    const pcmPath = path.join(work, 'mix.f32')
    let measured = ''
    await runFfmpeg({
      inputs: [{ kind: 'take', filePath: picturePath }, ...graph.inputs],
      outputOptions: ['-filter_complex_script', await writeScript(path.join(work, 'mix.txt'), [...graph.filters, '[mix]ebur128=framelog=verbose[a]']), '-map', '[a]', '-c:a', 'pcm_f32le', '-f', 'f32le'],
      outputPath: pcmPath,
      outputSeconds: stage.filmSeconds,
      failure,
      signal,
      onOutSeconds: (seconds) => onMixing(Math.min(1, seconds / stage.filmSeconds) * MEASURE_SHARE),
      onLog: (log) => (measured = log),
    })
    const gainDb = loudnessGain(measured, loudnessTargets[stage.loudness])
    const soundPath = await encodeMix({
      pcmPath,
      sampleRate: MIX_RATE,
      // One gain brings the film to its target; a look-ahead limiter (1 ms) keeps the peaks that gain would lift under −1.5 dBFS.
      filter: `volume=${gainDb.toFixed(2)}dB,alimiter=limit=${PEAK_LIMIT.toFixed(4)}:attack=1:release=50:level=0`,
      segments: segmentCount(MIX_RATE * stage.filmSeconds, os.availableParallelism()),
      workDir: work,
      failure,
      signal,
      onFraction: (fraction) => onMixing(MEASURE_SHARE + fraction * (1 - MEASURE_SHARE)),
    })
    await runFfmpeg({
      inputs: [{ kind: 'take', filePath: picturePath }, { kind: 'audio', filePath: soundPath, demuxer: 'aac' }],
      outputOptions: ['-map', '0:v', '-map', '1:a', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4'],
      outputPath,
      outputSeconds: stage.filmSeconds,
      failure,
      signal,
    })
    onMixing(1)
  } finally {
    await fs.rm(work, { recursive: true, force: true })
  }
}

/** The gain (dB) from the integrated loudness in `ebur128`'s summary to `target` LUFS; 0 for silence (gated out at −70). */
function loudnessGain(log: string, target: number): number {
  const summary = log.slice(log.lastIndexOf('Summary:'))
  const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1])
  if (!Number.isFinite(integrated)) fail('export_failed', 'Could not measure the loudness of the film’s sound.', failure.hint)
  return integrated <= SILENCE_LUFS ? 0 : target - integrated
}

async function writeScript(file: string, filters: readonly string[]): Promise<string> {
  // A film of many items makes a graph longer than a Windows command line may be; a script file has no limit.
  await fs.writeFile(file, filters.join(';\n'))
  return file
}
