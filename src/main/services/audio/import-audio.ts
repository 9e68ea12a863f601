import path from 'node:path'
import type { AudioFile } from '../../../shared/domain/audio-schema'
import { fail, isAppErrorException, type AppError } from '../../../shared/errors'
import { realFolder } from '../disk/contained-file'
import { readChosenFile } from '../disk/read-chosen-file'
import { contentHashInSlices } from '../images/asset-files'
import { nodeDurableFs, writeFileAtomic, type DurableFs } from '../disk/atomic-write'
import { diskError } from '../disk/disk-errors'
import { requirePathInsideProject } from '../disk/project-folder'
import type { ProjectSession } from '../project/project-session'
import { audioFileName, sniffAudioKind } from './audio-kind'
import { audioPeaks } from './audio-peaks'
import { probeAudio } from './probe-audio'

export type AudioSource = { name: string; path: string } | { name: string; bytes: Uint8Array }
export type AudioImportOutcome = { files: AudioFile[]; rejected: { name: string; error: AppError }[] }
export type AudioImportDeps = { now(): Date; disk?: DurableFs }

/** A two-hour WAV at 48 kHz stereo is about 1.4 GB; a score or voice-over file of a storyboard is far below this. */
export const MAX_AUDIO_BYTES = 512 * 1024 * 1024
const formats = 'Omniboard imports WAV, MP3, AAC/M4A, FLAC and OGG.'

/**
 * Stores sound files in the project's `audio/` folder, named by the SHA-256 of their bytes (the same file is stored
 * once), each told apart by its bytes and probed before it is kept, and makes its waveform. Each source is accepted
 * or refused on its own with a reason; a refused one leaves nothing behind. The caller records the new files.
 */
export async function importAudio(dir: string, sources: readonly AudioSource[], existing: readonly AudioFile[], deps: AudioImportDeps): Promise<AudioImportOutcome> {
  const known = new Map(existing.map((file) => [file.id, file]))
  const outcome: AudioImportOutcome = { files: [], rejected: [] }
  for (const source of sources) {
    try {
      const bytes = 'bytes' in source ? source.bytes : await readChosen(source.path, source.name)
      if (bytes.byteLength > MAX_AUDIO_BYTES) fail('audio_not_supported', `${source.name} is larger than 512 MB.`, 'Use a compressed copy (MP3, AAC or FLAC).')
      const kind = sniffAudioKind(bytes) ?? fail('audio_not_supported', `${source.name} is not a sound file Omniboard reads.`, formats)
      const id = await contentHashInSlices(bytes)
      const file: AudioFile = known.get(id) ?? {
        id,
        kind,
        ...(await probeAudio(source.name, kind, bytes)),
        bytes: bytes.byteLength,
        originalName: source.name.slice(0, 1024),
        importedAt: deps.now().toISOString(),
      }
      await storeAudio(dir, file, bytes, deps.disk ?? nodeDurableFs, !known.has(id))
      known.set(id, file)
      if (!outcome.files.some((accepted) => accepted.id === id)) outcome.files.push(file)
    } catch (cause) {
      outcome.rejected.push({ name: source.name, error: isAppErrorException(cause) ? cause.error : diskError(cause, 'the sound file') })
    }
  }
  return outcome
}

async function readChosen(filePath: string, name: string): Promise<Uint8Array> {
  const read = await readChosenFile(filePath, MAX_AUDIO_BYTES).catch(() => null)
  if (read === null) fail('audio_not_supported', `Could not read ${name}.`, 'Check that the file still exists and that Omniboard may read it.')
  return read.bytes
}

/** The file, then its waveform: ffmpeg decoding it is the last check, and a file it cannot decode is removed again. */
async function storeAudio(dir: string, file: AudioFile, bytes: Uint8Array, disk: DurableFs, isNew: boolean): Promise<void> {
  await realFolder(dir, path.join(dir, 'audio'), { create: true })
  const target = requirePathInsideProject(dir, 'audio', audioFileName(file))
  await writeFileAtomic(target, bytes, disk)
  try {
    await audioPeaks(dir, file, disk)
  } catch (cause) {
    if (isNew) await disk.remove(target).catch(() => undefined)
    throw cause
  }
}

/** Imports into an open project and records the new files in it (saved before this resolves). */
export async function importAudioIntoProject(session: Pick<ProjectSession, 'dir' | 'project' | 'recordAudioFiles'>, sources: readonly AudioSource[], now: () => Date): Promise<AudioImportOutcome> {
  const outcome = await importAudio(session.dir, sources, session.project().audioFiles ?? [], { now })
  await session.recordAudioFiles(outcome.files)
  return outcome
}
