import { promises as fs } from 'node:fs'
import path from 'node:path'
import { aacSegments, adtsFrames, spliceSegments } from './aac-segments'
import { runFfmpeg } from '../ffmpeg/ffmpeg'

export interface MixEncode {
  /** Raw 32-bit float stereo samples of the mix (what the measuring pass wrote). */
  pcmPath: string
  sampleRate: number
  /** The filter every sample goes through before encoding (the loudness gain and limiter). */
  filter: string
  /** How many encoders run at once (one per core). */
  segments: number
  /** Where the segments' streams are written and the film's stream is returned. */
  workDir: string
  failure: { code: 'export_failed'; hint: string }
  signal: AbortSignal
  onFraction: (fraction: number) => void
}

/**
 * Encodes the mix into the film's AAC (192 kb/s, the rate the re-encode path gives takes' sound) as one ADTS stream,
 * in segments encoded side by side: the AAC encoder is single-threaded and by far the slowest step of a mixed export,
 * so on a machine with cores to spare this divides its wall time.
 */
export async function encodeMix(run: MixEncode): Promise<string> {
  const samples = (await fs.stat(run.pcmPath)).size / 8
  const segments = aacSegments(samples, run.segments)
  const done = segments.map(() => 0)
  const report = (): void => run.onFraction(Math.min(1, done.reduce((sum, seconds) => sum + seconds, 0) / (samples / run.sampleRate)))
  // One encoder failing (or the export being cancelled) stops the others rather than leaving them to run to the end.
  const stop = new AbortController()
  const cancel = (): void => stop.abort()
  run.signal.addEventListener('abort', cancel, { once: true })
  const streams = await Promise.all(
    segments.map(async (segment, index) => {
      const outputPath = path.join(run.workDir, `sound-${index}.aac`)
      const seconds = (segment.endSample - segment.startSample) / run.sampleRate
      await runFfmpeg({
        inputs: [{ kind: 'pcm', filePath: run.pcmPath, sampleRate: run.sampleRate }],
        outputOptions: [
          '-af', `atrim=start_sample=${segment.startSample}:end_sample=${segment.endSample},asetpts=PTS-STARTPTS,${run.filter}`,
          '-c:a', 'aac', '-b:a', '192k', '-f', 'adts',
        ],
        outputPath,
        outputSeconds: seconds,
        failure: run.failure,
        signal: stop.signal,
        onOutSeconds: (out) => {
          done[index] = Math.min(out, seconds)
          report()
        },
      })
      return adtsFrames(await fs.readFile(outputPath))
    }).map((encoded) => encoded.catch((cause: unknown) => {
      cancel()
      throw cause
    })),
  ).finally(() => run.signal.removeEventListener('abort', cancel))
  const soundPath = path.join(run.workDir, 'sound.aac')
  await fs.writeFile(soundPath, Buffer.concat(spliceSegments(segments, streams)))
  return soundPath
}
