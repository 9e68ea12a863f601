import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fail } from '../../../shared/errors'

/** Which frame of a video: its first, its final decoded one, or the one shown at a time in seconds. */
export type FramePosition = { kind: 'first' } | { kind: 'last' } | { kind: 'time'; seconds: number }

export type ExtractOptions = { timeoutMs?: number; ffmpegPath?: string }
/** `durationSeconds` is the container's, as ffmpeg reads it; null when it does not say. */
export type ExtractedFrame = { png: Buffer; durationSeconds: number | null }

const DEFAULT_TIMEOUT_MS = 20_000

/** The ffmpeg that ships inside our npm dependencies; a system ffmpeg is never used, so every machine decodes alike. */
export function bundledFfmpegPath(): string {
  const require = createRequire(import.meta.url)
  // Inside a packaged app the binary is unpacked next to the asar archive, where it can be executed.
  return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path.replace('app.asar', 'app.asar.unpacked')
}

/**
 * Decodes one frame of a video to a full-resolution PNG. The last frame is found by decoding the final second and
 * letting `-update 1` keep overwriting one file, so it is the last frame the decoder produced, not a keyframe near it.
 */
export async function extractFramePng(videoPath: string, at: FramePosition, options: ExtractOptions = {}): Promise<ExtractedFrame> {
  const work = await mkdtemp(join(tmpdir(), 'omniboard-frame-'))
  const out = join(work, 'frame.png')
  try {
    const log = await runFfmpeg(options.ffmpegPath ?? bundledFfmpegPath(), ffmpegArgs(videoPath, at, out), options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    const png = await readFile(out).catch(() => null)
    if (png === null || png.byteLength === 0) return noFrame()
    return { png, durationSeconds: parseDuration(log) }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function ffmpegArgs(videoPath: string, at: FramePosition, out: string): string[] {
  const seek =
    at.kind === 'last' ? ['-sseof', '-1'] : at.kind === 'time' ? ['-ss', Math.max(0, at.seconds).toFixed(6)] : []
  const frames = at.kind === 'last' ? ['-update', '1'] : ['-frames:v', '1']
  return ['-nostdin', '-hide_banner', '-v', 'info', '-nostats', ...seek, '-i', videoPath, '-map', '0:v:0', '-an', ...frames, '-pix_fmt', 'rgb24', '-f', 'image2', '-y', out]
}

const MAX_LOG_CHARS = 64 * 1024

/** Resolves with ffmpeg's log (stderr, capped) once it exits cleanly; it is spawned without a shell. */
function runFfmpeg(binary: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { shell: false, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < MAX_LOG_CHARS) stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (cause) => {
      clearTimeout(timer)
      reject(cause)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve(stderr)
      try {
        if (signal === 'SIGKILL') fail('frame_failed', 'Reading the frame took too long and was stopped.', 'Try again; if it keeps happening, the video file may be damaged.')
        fail('frame_failed', 'The video could not be decoded.', 'Retry download to fetch the take again.')
      } catch (error) {
        reject(error)
      }
    })
  })
}

const noFrame = (): never => fail('frame_failed', 'The video has no frame at that point.', 'Pick a time inside the take.')

function parseDuration(log: string): number | null {
  const match = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(log)
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null
}
