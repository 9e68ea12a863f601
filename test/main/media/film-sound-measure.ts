import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { bundledFfmpegPath } from '../../../src/main/services/ffmpeg/ffmpeg'

const run = promisify(execFile)
export const MEASURE_RATE = 48_000
/** One AAC frame at 48 kHz: how precisely an exported sound can be placed. */
export const AAC_FRAME_SECONDS = 1024 / 48_000

/** The film's sound decoded to mono floats at 48 kHz (edit lists honoured, as a player would). */
export async function decodeFilmSound(filePath: string): Promise<Float32Array> {
  const { stdout } = await run(bundledFfmpegPath(), ['-hide_banner', '-loglevel', 'error', '-i', filePath, '-vn', '-ac', '1', '-ar', String(MEASURE_RATE), '-f', 'f32le', '-'], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })
  return new Float32Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.byteLength / 4))
}

/** Root mean square of the samples between two times. */
export function rmsBetween(samples: Float32Array, fromSeconds: number, toSeconds: number): number {
  const from = Math.max(0, Math.round(fromSeconds * MEASURE_RATE))
  const to = Math.min(samples.length, Math.round(toSeconds * MEASURE_RATE))
  let sum = 0
  for (let at = from; at < to; at++) sum += samples[at]! * samples[at]!
  return to > from ? Math.sqrt(sum / (to - from)) : 0
}

/** The first and last time the sound's level passes `threshold` (in 1 ms windows), or null for silence. */
export function soundingSpan(samples: Float32Array, threshold = 0.01): { start: number; end: number } | null {
  const window = MEASURE_RATE / 1000
  let start: number | null = null
  let end = 0
  for (let at = 0; at + window <= samples.length; at += window) {
    let peak = 0
    for (let i = at; i < at + window; i++) peak = Math.max(peak, Math.abs(samples[i]!))
    if (peak < threshold) continue
    start ??= at / MEASURE_RATE
    end = (at + window) / MEASURE_RATE
  }
  return start === null ? null : { start, end }
}

/** Integrated loudness (EBU R128, LUFS) of the film's sound, as ffmpeg's `ebur128` filter reports it. */
export async function integratedLoudness(filePath: string): Promise<number> {
  const { stderr } = await run(bundledFfmpegPath(), ['-hide_banner', '-nostats', '-i', filePath, '-vn', '-af', 'ebur128', '-f', 'null', '-'], { maxBuffer: 64 * 1024 * 1024 })
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'))
  const match = /I:\s+(-?[\d.]+) LUFS/.exec(summary)
  if (!match) throw new Error(`no loudness in ffmpeg's report: ${summary.slice(0, 200)}`)
  return Number(match[1])
}
