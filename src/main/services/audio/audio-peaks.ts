import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AudioPeaksSchema, peaksRateFor, type AudioPeaks } from '../../../shared/audio/audio-peaks'
import type { AudioFile } from '../../../shared/domain/audio-schema'
import { containedPath, readContained } from '../disk/contained-file'
import { runFfmpeg } from '../ffmpeg/ffmpeg'
import { nodeDurableFs, writeFileAtomic, type DurableFs } from '../disk/atomic-write'
import { requirePathInsideProject } from '../disk/project-folder'
import { audioDemuxers, audioFileName, peaksFileName } from './audio-kind'

/** Decoded at 8 kHz mono: enough for a waveform, and a 10-minute song decodes to under 10 MB. */
const DECODE_RATE = 8000
const MAX_CACHE_BYTES = 2 * 1024 * 1024

/**
 * The waveform of a sound file in the project: read from its cache beside the file when that cache is sound (the
 * folder may come from anyone, so it is parsed, and must name this file and fit its length), otherwise computed once
 * with the bundled ffmpeg and cached (written atomically).
 */
export async function audioPeaks(dir: string, file: AudioFile, disk: DurableFs = nodeDurableFs): Promise<AudioPeaks> {
  const cachePath = requirePathInsideProject(dir, 'audio', peaksFileName(file.id))
  const cached = await readContained(dir, cachePath, MAX_CACHE_BYTES).then((bytes) => validCache(bytes, file), () => null)
  if (cached) return cached
  const peaks = await computePeaks(dir, file)
  await writeFileAtomic(cachePath, Buffer.from(JSON.stringify(peaks)), disk)
  return peaks
}

function validCache(bytes: Buffer, file: AudioFile): AudioPeaks | null {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    return null
  }
  const parsed = AudioPeaksSchema.safeParse(json)
  if (!parsed.success || parsed.data.audioId !== file.id) return null
  const expected = Math.ceil(file.durationSeconds * parsed.data.peaksPerSecond)
  return Math.abs(parsed.data.peaks.length - expected) <= 2 ? parsed.data : null
}

/** Decodes the file to 16-bit mono and keeps the largest level of each slice. */
export async function computePeaks(dir: string, file: AudioFile, signal?: AbortSignal): Promise<AudioPeaks> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-peaks-'))
  try {
    const pcmPath = path.join(work, 'mono.raw')
    const filePath = await containedPath(dir, requirePathInsideProject(dir, 'audio', audioFileName(file)))
    await runFfmpeg({
      inputs: [{ kind: 'audio', filePath, demuxer: audioDemuxers[file.kind] }],
      outputOptions: ['-vn', '-ac', '1', '-ar', String(DECODE_RATE), '-c:a', 'pcm_s16le', '-f', 's16le'],
      outputPath: pcmPath,
      outputSeconds: file.durationSeconds,
      failure: { code: 'audio_not_supported', hint: 'Export it again from your audio editor, then import that file.' },
      ...(signal ? { signal } : {}),
    })
    const pcm = await fs.readFile(pcmPath)
    const samples = new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.byteLength / 2))
    const peaksPerSecond = peaksRateFor(file.durationSeconds)
    const count = Math.ceil(file.durationSeconds * peaksPerSecond)
    const perPeak = DECODE_RATE / peaksPerSecond
    const peaks: number[] = []
    for (let index = 0; index < count; index++) {
      let peak = 0
      const end = Math.min(samples.length, Math.floor((index + 1) * perPeak))
      for (let at = Math.floor(index * perPeak); at < end; at++) peak = Math.max(peak, Math.abs(samples[at]!))
      peaks.push(Math.min(255, Math.round((peak / 32768) * 255)))
    }
    return { version: 1, audioId: file.id, peaksPerSecond, peaks }
  } finally {
    await fs.rm(work, { recursive: true, force: true })
  }
}
