import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { captionCues } from '../../../shared/captions/cut-captions'
import type { FilmCaptions } from '../../../shared/captions/film-captions-options'
import { planCut, type CutEntry, type CutTakeEntry } from '../../../shared/cut/cut-plan'
import { chooseFilmFormat } from '../../../shared/cut/film-format'
import type { Project } from '../../../shared/domain/project'
import { AppErrorException, fail } from '../../../shared/errors'
import { mapAtMost } from '../../../shared/map-at-most'
import { containedPath } from '../disk/contained-file'
import { animaticStill } from './animatic-stills'
import { planCopyJoin, writeCopyJoin } from './copy-join'
import { sameAudioFormat, type AudioFormat } from './audio-format'
import { addFilmCaptions } from './film-captions'
import { writeFilm } from './film-file'
import { joinPackets } from './join-packets'
import { readJoinFormat, type JoinFormat } from './join-format'
import type { ProbedTake } from './probe-video'
import { normaliseWithFfmpeg, type NormaliseSegment } from './normalise-with-ffmpeg'
import { clipFailure, probeChosenTakes } from './probe-takes'
import { encodeSilentFrame } from './silent-aac'
import { createTakeProbes, type TakeProbes } from './take-probes'
import { filmSoundStage, withFilmSound } from './film-sound-stage'

/** What an export reads from the open project (a ProjectSession provides all of it). */
export interface FilmSource {
  readonly dir: string
  project(): Project
  takeFilePath(fileName: string): string
  assetPath(assetId: string): string
}

export interface FilmExportOptions {
  /** Hold a still (first frame or title card) for clips without a playable take; otherwise leave them out. */
  includeAnimatic: boolean
  /** Captions as a subtitle track or burned in; absent or null = none. */
  captions?: FilmCaptions | null | undefined
}

export type FilmExportPhase = 'preparing' | 'copying' | 'encoding' | 'mixing' | 'captioning'
export interface FilmExportProgress {
  phase: FilmExportPhase
  fraction: number
}

export interface FilmExportResult {
  path: string
  /** `copy` when the takes were joined without re-encoding. */
  method: 'copy' | 'encode'
  durationSeconds: number
}

export interface FilmExportDeps {
  now: () => Date
  /** What the takes' files held when last read this session; without it, each export reads every take anew. */
  probes?: TakeProbes
}

/** Takes whose decoder configurations are read at once (see mapAtMost). */
const AT_ONCE = 8

/**
 * Exports the cut as one MP4 in `<project>/exports/`: the chosen takes in timeline order, joined by copying their
 * packets when they share one format, re-encoded to the commonest format otherwise or when animatic stills are in.
 * A take whose file is missing is held as its animatic when stills are asked for; any other take that cannot be read
 * (cut short, damaged, a link out of the project) stops the export, naming its clip.
 */
export async function exportFilm(source: FilmSource, options: FilmExportOptions, deps: FilmExportDeps, signal: AbortSignal, onProgress: (progress: FilmExportProgress) => void): Promise<FilmExportResult> {
  onProgress({ phase: 'preparing', fraction: 0 })
  const project = source.project()
  const probes = deps.probes ?? createTakeProbes()
  // The decoder configurations and the index come from the same read of each file as its media.
  const probedAt = new Map<string, ProbedTake>()
  const probed = await probeChosenTakes(project, source.dir, (fileName) => source.takeFilePath(fileName), async (root, filePath) => {
    const take = await probes.take(root, filePath)
    probedAt.set(filePath, take)
    return take.media
  })
  const refused = probed.failures.find((failure) => !options.includeAnimatic || failure.error.code !== 'take_file_missing')
  if (refused) {
    const missing = refused.error.code === 'take_file_missing'
    throw new AppErrorException(clipFailure(project, refused, missing ? 'Download the take again, choose another take, or export with animatic stills for clips without a take.' : refused.error.hint))
  }
  const plan = planCut(project, probed.mediaByTakeId)
  const entries = options.includeAnimatic ? plan.entries : plan.entries.filter((entry): entry is CutTakeEntry => entry.kind === 'take')
  if (entries.length === 0) fail('export_failed', 'No clip has a finished take to export.', 'Generate a take first, or export with animatic stills.')
  const takes = entries.filter((entry): entry is CutTakeEntry => entry.kind === 'take')
  const formats = await mapAtMost(takes, AT_ONCE, async (entry) => {
    const filePath = source.takeFilePath(entry.media.fileName)
    return probedAt.get(filePath)?.format ?? readJoinFormat(source.dir, filePath, entry.media.frameRate)
  })
  const audio = filmAudio(formats)
  const durationSeconds = entries.reduce((sum, entry) => sum + entry.durationSeconds, 0)
  const captioned = async (filmPath: string): Promise<string> => {
    const captions = options.captions
    if (captions) await addFilmCaptions({ root: source.dir, filmPath, cues: captionCues(entries, project.clips), captions, signal, onProgress: (fraction) => onProgress({ phase: 'captioning', fraction }) })
    return filmPath
  }
  const mixing = (fraction: number): void => onProgress({ phase: 'mixing', fraction })

  if (takes.length === entries.length && canCopy(formats)) {
    const segments = takes.map((entry) => {
      const filePath = source.takeFilePath(entry.media.fileName)
      return { filePath, media: entry.media, known: probedAt.get(filePath) }
    })
    const silentFrame = () => encodeSilentFrame(audio!, signal)
    const copying = (fraction: number): void => onProgress({ phase: 'copying', fraction })
    const plan = await planCopyJoin(source.dir, segments, audio, silentFrame)
    const sound = filmSoundStage(project, entries, durationSeconds, audio !== null)
    const written = await writeFilm(source.dir, project.name, deps.now(), (outputPath) =>
      withFilmSound(sound, source.dir, outputPath, signal, mixing, (picturePath) =>
        plan
          ? writeCopyJoin(plan, picturePath, signal, copying)
          : joinPackets({ root: source.dir, segments, codec: formats[0]!.codec, outputPath: picturePath, audio, silentFrame, signal, onProgress: copying }),
      ),
    )
    return { path: await captioned(written), method: 'copy', durationSeconds }
  }

  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-animatic-'))
  try {
    const format = chooseFilmFormat(takes.map((entry) => entry.media))
    const segments = await Promise.all(entries.map((entry) => segmentOf(entry, source, format, workDir)))
    const hasSound = takes.some((entry) => entry.media.hasAudio)
    const sound = filmSoundStage(project, entries, durationSeconds, hasSound)
    const written = await writeFilm(source.dir, project.name, deps.now(), (outputPath) =>
      withFilmSound(sound, source.dir, outputPath, signal, mixing, (picturePath) =>
        normaliseWithFfmpeg({
          segments,
          format,
          audio: hasSound ? { sampleRate: audio?.sampleRate ?? 48_000, channels: Math.min(2, audio?.channels ?? 2) } : null,
          outputPath: picturePath,
          signal,
          onProgress: (fraction) => onProgress({ phase: 'encoding', fraction }),
        }),
      ),
    )
    return { path: await captioned(written), method: 'encode', durationSeconds }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
}

/** Takes join by copy only when one decoder can play them all: same video configuration, one AAC format. */
function canCopy(formats: readonly JoinFormat[]): boolean {
  const first = formats[0]
  if (!first) return false
  const sounds = formats.flatMap((format) => (format.audio ? [format.audio] : []))
  return formats.every((format) => format.videoKey === first.videoKey && format.audioCopyable) && sounds.every((sound) => sameAudioFormat(sound, sounds[0]!))
}

/** The film's sound follows its first take with sound; a film none of whose takes has sound gets no audio track. */
function filmAudio(formats: readonly JoinFormat[]): AudioFormat | null {
  return formats.find((format) => format.audio !== null)?.audio ?? null
}

async function segmentOf(entry: CutEntry, source: FilmSource, format: ReturnType<typeof chooseFilmFormat>, workDir: string): Promise<NormaliseSegment> {
  if (entry.kind === 'take') {
    // ffmpeg reads the take by path, so it gets one only once the containment check has passed.
    const filePath = await containedPath(source.dir, source.takeFilePath(entry.media.fileName))
    return { kind: 'take', filePath, hasAudio: entry.media.hasAudio, durationSeconds: entry.durationSeconds }
  }
  return { kind: 'still', imagePath: await animaticStill(entry, format, source, workDir), durationSeconds: entry.durationSeconds }
}
