import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FilmFormat } from '../../../shared/cut/film-format'
import { runFfmpeg, type FfmpegInput } from '../ffmpeg/ffmpeg'

/** One piece of the film: a take's video, or a still image held for a clip's duration (an animatic); paths already checked to be inside the project. */
export type NormaliseSegment =
  | { kind: 'take'; filePath: string; hasAudio: boolean; durationSeconds: number }
  | { kind: 'still'; imagePath: string; durationSeconds: number }

export interface NormaliseOptions {
  segments: readonly NormaliseSegment[]
  format: FilmFormat
  /** Sample rate and channel count of the film's sound, or null for a film without an audio track. */
  audio: { sampleRate: number; channels: number } | null
  outputPath: string
  signal: AbortSignal
  onProgress: (fraction: number) => void
}

/**
 * Re-encodes the film with the bundled ffmpeg when its pieces cannot share one decoder: takes of other sizes are
 * scaled to fit the film's format and letterboxed (or pillarboxed) in black rather than cropped, so nothing framed
 * is lost; every piece is cut to its exact length; a piece without sound gets silence so the sound stays in sync.
 * H.264 High at CRF 18 ("visually lossless") and AAC, with the index at the front for streaming.
 */
export async function normaliseWithFfmpeg(options: NormaliseOptions): Promise<void> {
  const { format, audio, segments } = options
  const rate = `${format.frameRate.num}/${format.frameRate.den}`
  const inputs: FfmpegInput[] = []
  const filters: string[] = []
  const concatInputs: string[] = []
  let next = 0
  segments.forEach((segment, index) => {
    const seconds = segment.durationSeconds.toFixed(6)
    const videoInput = next++
    if (segment.kind === 'take') inputs.push({ kind: 'take', filePath: segment.filePath })
    else inputs.push({ kind: 'still', filePath: segment.imagePath, options: ['-loop', '1', '-framerate', rate, '-t', seconds] })
    filters.push(
      `[${videoInput}:v]scale=${format.width}:${format.height}:force_original_aspect_ratio=decrease,` +
        `pad=${format.width}:${format.height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${rate},format=yuv420p,` +
        `trim=duration=${seconds},setpts=PTS-STARTPTS[v${index}]`,
    )
    concatInputs.push(`[v${index}]`)
    if (!audio) return
    const layout = audio.channels === 1 ? 'mono' : 'stereo'
    let source = `${videoInput}:a`
    if (segment.kind === 'still' || !segment.hasAudio) {
      inputs.push({ kind: 'generated', graph: `anullsrc=r=${audio.sampleRate}:cl=${layout}`, options: ['-t', seconds] })
      source = `${next++}:a`
    }
    filters.push(
      `[${source}]aresample=${audio.sampleRate},aformat=sample_fmts=fltp:channel_layouts=${layout},apad,` +
        `atrim=duration=${seconds},asetpts=PTS-STARTPTS[a${index}]`,
    )
    concatInputs.push(`[a${index}]`)
  })
  filters.push(`${concatInputs.join('')}concat=n=${segments.length}:v=1:a=${audio ? 1 : 0}[v]${audio ? '[a]' : ''}`)

  const total = segments.reduce((sum, segment) => sum + segment.durationSeconds, 0)
  // A film of many clips makes a filter graph longer than a command line may be on Windows; a script file has no limit.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-film-'))
  try {
    const script = path.join(dir, 'filters.txt')
    await fs.writeFile(script, filters.join(';\n'))
    await runFfmpeg({
      inputs,
      signal: options.signal,
      onOutSeconds: (seconds) => options.onProgress(Math.min(1, seconds / total)),
      outputPath: options.outputPath,
      outputSeconds: total,
      failure: { code: 'export_failed', hint: 'Check the takes play on their own, then export again.' },
      outputOptions: [
        '-filter_complex_script', script,
        '-map', '[v]', ...(audio ? ['-map', '[a]'] : []),
        '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-r', rate,
        ...(audio ? ['-c:a', 'aac', '-b:a', '192k'] : []),
        '-movflags', '+faststart', '-f', 'mp4',
      ],
    })
    options.onProgress(1)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
