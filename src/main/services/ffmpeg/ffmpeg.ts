import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import { createRequire } from 'node:module'
import { AppErrorException, appError, type ErrorCode } from '../../../shared/errors'
import { MAX_INPUT_PIXELS } from '../images/image-checks'
import { cancelledError } from '../export-cancelled'
import { unpackedPath } from './unpacked-path'

/**
 * What ffmpeg may read. Every input names its demuxer, so a project file is never sniffed: a "take" that is really an
 * HLS playlist or a concat list is parsed as an MP4 and fails, instead of being followed to the files it names.
 * `options` go before the input's `-i` (seeking, looping, a length).
 */
export type FfmpegInput =
  | { kind: 'take'; filePath: string; options?: readonly string[] }
  | { kind: 'still'; filePath: string; options?: readonly string[] }
  /** A sound file of the project, read with the demuxer its bytes were recognised as (see audio/audio-kind). */
  | { kind: 'audio'; filePath: string; demuxer: AudioDemuxer; options?: readonly string[] }
  /** A source ffmpeg makes itself from a filter description Omniboard wrote (silence), reading no file. */
  | { kind: 'generated'; graph: string; options?: readonly string[] }
  /** A SubRip file Omniboard wrote (a film's captions). */
  | { kind: 'subtitles'; filePath: string; options?: readonly string[] }
  /** Raw 32-bit float stereo samples Omniboard wrote (a film's mix between its passes), read at `sampleRate`. */
  | { kind: 'pcm'; filePath: string; sampleRate: number; options?: readonly string[] }

/** ffmpeg's demuxers for the sound files import accepts. */
export type AudioDemuxer = 'wav' | 'mp3' | 'aac' | 'mov' | 'flac' | 'ogg'

export interface FfmpegRun {
  inputs: readonly FfmpegInput[]
  /** Everything between the inputs and the output file: maps, filters, codecs, the output's format. */
  outputOptions: readonly string[]
  outputPath: string
  /** How long the output plays; how long ffmpeg may run and how large a file it may write follow from it. */
  outputSeconds: number
  /** The code and hint a failure is reported with: `frame_failed` for a frame grab, `export_failed` for a film. */
  failure: { code: ErrorCode; hint: string }
  signal?: AbortSignal
  /** Seconds of output written so far, from ffmpeg's `-progress` report. */
  onOutSeconds?: (seconds: number) => void
  /** Where ffmpeg runs: a filter reading files Omniboard wrote can then name them plainly, with nothing to escape. */
  cwd?: string
  /** Asks for ffmpeg's informational log (a filter's printed measurement, as `loudnorm` prints it) and gets its last lines. */
  onLog?: (logTail: string) => void
}

/** Slow machines encode 1080p at a fraction of real time; ten times the output's length leaves room for them. */
const BASE_TIMEOUT_MS = 30_000
const TIMEOUT_MS_PER_OUTPUT_SECOND = 10_000
/** 200 Mbit/s, several times what CRF 18 needs for 4K, so only a runaway output reaches it. */
const BASE_OUTPUT_BYTES = 64 * 1024 * 1024
const OUTPUT_BYTES_PER_SECOND = 25 * 1024 * 1024
/**
 * Decoded picture sizes, so a crafted size in a file's header cannot make ffmpeg hold (or a frame grab write) a
 * picture of gigabytes: 4096 × 4096 is above any take Kling makes; a still may be as large as an image import allows.
 */
const MAX_PIXELS = { take: 4096 * 4096, still: MAX_INPUT_PIXELS }
const STDERR_TAIL = 4000

/**
 * Runs the ffmpeg shipped inside our npm dependencies (never a system one, so every machine decodes alike) to
 * completion. It reads plain files only (`-protocol_whitelist file`, paths given as `file:` so none reads as a URL),
 * is killed when it runs longer than its output's length allows, and its output is refused when larger than that
 * length allows. An abort kills it at once and rejects with `export_cancelled`.
 */
export async function runFfmpeg(run: FfmpegRun): Promise<void> {
  if (run.signal?.aborted) throw cancelledError()
  const maxBytes = BASE_OUTPUT_BYTES + Math.ceil(run.outputSeconds * OUTPUT_BYTES_PER_SECOND)
  const logLevel = run.onLog ? ['-nostats', '-loglevel', 'info'] : ['-loglevel', 'error']
  const args = ['-hide_banner', '-nostdin', '-y', '-progress', 'pipe:1', ...logLevel, ...run.inputs.flatMap(inputArgs), ...run.outputOptions, '-fs', String(maxBytes), `file:${run.outputPath}`]
  await spawnToEnd(args, BASE_TIMEOUT_MS + run.outputSeconds * TIMEOUT_MS_PER_OUTPUT_SECOND, run)
  // `-fs` stops a muxer at the limit and still exits cleanly, so a file that reached it is a runaway, not a result.
  // No file at all (a seek past the last frame) is the caller's to report.
  const size = await fs.stat(run.outputPath).then((stat) => stat.size, () => 0)
  if (size >= maxBytes) throw failed(run, 'The video tool wrote far more than a video of this length needs, and was stopped.')
}

function inputArgs(input: FfmpegInput): string[] {
  const options = [...(input.options ?? [])]
  if (input.kind === 'generated') return [...options, '-f', 'lavfi', '-i', input.graph]
  if (input.kind === 'subtitles') return [...options, '-f', 'srt', '-protocol_whitelist', 'file', '-i', `file:${input.filePath}`]
  if (input.kind === 'pcm') return [...options, '-f', 'f32le', '-ar', String(input.sampleRate), '-ac', '2', '-protocol_whitelist', 'file', '-i', `file:${input.filePath}`]
  if (input.kind === 'audio') return [...options, '-f', input.demuxer, '-protocol_whitelist', 'file', '-i', `file:${input.filePath}`]
  // One named image, never a numbered sequence: a `%d` in a project's path must not become a pattern.
  const format = input.kind === 'take' ? ['-f', 'mov'] : ['-f', 'image2', '-pattern_type', 'none']
  return [...options, ...format, '-protocol_whitelist', 'file', '-max_pixels', String(MAX_PIXELS[input.kind]), '-i', `file:${input.filePath}`]
}

function spawnToEnd(args: string[], timeoutMs: number, run: FfmpegRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bundledFfmpegPath(), args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, ...(run.cwd ? { cwd: run.cwd } : {}) })
    let stderr = ''
    let progress = ''
    let timedOut = false
    const kill = (): void => void child.kill('SIGKILL')
    const timer = setTimeout(() => {
      timedOut = true
      kill()
    }, timeoutMs)
    run.signal?.addEventListener('abort', kill, { once: true })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // A report line can be split across chunks; only whole lines are read, and the rest kept short.
      const lines = (progress + chunk).split('\n')
      progress = (lines.pop() ?? '').slice(-200)
      for (const line of lines) {
        const match = /^out_time_ms=(\d+)$/.exec(line.trim())
        if (match) run.onOutSeconds?.(Number(match[1]) / 1_000_000)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_TAIL)))
    const settle = (): void => {
      clearTimeout(timer)
      run.signal?.removeEventListener('abort', kill)
    }
    child.on('error', (cause) => {
      settle()
      reject(new AppErrorException(appError(run.failure.code, `The bundled video tool could not start (${cause.message}).`, 'Reinstall Omniboard.')))
    })
    child.on('close', (code) => {
      settle()
      if (run.signal?.aborted) reject(cancelledError())
      else if (timedOut) reject(failed(run, 'The video tool took far longer than a video of this length needs, and was stopped.'))
      else if (code === 0) {
        run.onLog?.(stderr)
        resolve()
      }
      else reject(failed(run, `The video tool stopped with an error: ${lastLine(stderr)}`))
    })
  })
}

/**
 * The binary of the `@ffmpeg-installer/*` package for this platform (its unpacked copy in a packaged app).
 * The app runs it only through runFfmpeg; tests use the path to inspect what an export wrote.
 */
export function bundledFfmpegPath(): string {
  const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }
  return unpackedPath(installer.path)
}

const failed = (run: FfmpegRun, message: string): AppErrorException => new AppErrorException(appError(run.failure.code, message, run.failure.hint))

const lastLine = (text: string): string => text.trim().split('\n').pop()?.slice(0, 300) || 'no details'
