import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { ALL_FORMATS, BufferTarget, Conversion, EncodedPacketSink, FilePathSource, Input, Mp4OutputFormat, Output } from 'mediabunny'
import type { FilmSource } from '../../../src/main/services/media/export-film'
import { topLevelBoxes } from '../../../src/main/services/media/mp4-boxes'
import { newProject } from '../../../src/main/services/project/open-project'
import type { Clip, Project, Take } from '../../../src/shared/domain/project'
import { AppErrorException, type AppError } from '../../../src/shared/errors'
import { clip } from '../../shared/domain/fixtures'
import { tempDir } from '../project/temp-project'
import { completedTake, fixturePath } from './film-fixtures'

/** One clip of a test film: the fixture its chosen take plays, or null for a clip with no take. */
export type FilmClip = { take: string | null; duration?: number; title?: string }

/** A project folder in a temp dir whose clips' chosen takes are copies of the film fixtures. */
export async function makeFilmProject(clips: readonly FilmClip[]): Promise<FilmSource & { takesDir: string }> {
  const dir = await tempDir()
  const takesDir = path.join(dir, 'takes')
  await fs.mkdir(takesDir)
  const takes: Take[] = []
  const projectClips: Clip[] = []
  for (const [index, spec] of clips.entries()) {
    const id = `c${index + 1}`
    if (spec.take !== null) {
      const fileName = `t${index + 1}-0.mp4`
      await fs.copyFile(fixturePath(spec.take), path.join(takesDir, fileName))
      takes.push(completedTake(`t${index + 1}`, id, fileName))
    }
    projectClips.push(clip(id, { title: spec.title ?? `Clip ${index + 1}`, duration: spec.duration ?? 3, chosenTakeId: spec.take === null ? null : `t${index + 1}` }))
  }
  const project: Project = { ...newProject('Harbour: a test/film', { now: () => new Date('2026-03-04T10:00:00Z'), newId: randomUUID }), clips: projectClips, takes }
  return {
    dir,
    takesDir,
    project: () => project,
    takeFilePath: (fileName) => path.join(takesDir, fileName),
    assetPath: (assetId) => path.join(dir, 'assets', `${assetId}.png`),
  }
}

export interface ReadFilm {
  width: number
  height: number
  frames: number
  videoSeconds: number
  /** Null when the film has no audio track. */
  audioSeconds: number | null
}

/** Parses an exported film back with mediabunny, counting its frames packet by packet. */
export async function readFilm(filePath: string): Promise<ReadFilm> {
  const input = new Input({ source: new FilePathSource(filePath), formats: ALL_FORMATS })
  try {
    const video = await input.getPrimaryVideoTrack()
    if (!video) throw new Error('the film has no video track')
    let frames = 0
    for await (const packet of new EncodedPacketSink(video).packets(undefined, undefined, { metadataOnly: true })) if (packet.duration >= 0) frames++
    const audio = await input.getPrimaryAudioTrack()
    return {
      width: video.displayWidth,
      height: video.displayHeight,
      frames,
      videoSeconds: (await video.computeDuration()) - (await video.getFirstTimestamp()),
      audioSeconds: audio ? (await audio.computeDuration()) - Math.max(0, await audio.getFirstTimestamp()) : null,
    }
  } finally {
    input.dispose()
  }
}

/** The byte size of each video packet in decode order: equal sequences mean the same encoded pictures, untouched. */
export async function videoPacketSizes(filePath: string): Promise<number[]> {
  const input = new Input({ source: new FilePathSource(filePath), formats: ALL_FORMATS })
  try {
    const video = await input.getPrimaryVideoTrack()
    const sizes: number[] = []
    if (video) for await (const packet of new EncodedPacketSink(video).packets(undefined, undefined, { metadataOnly: true })) sizes.push(packet.byteLength)
    return sizes
  } finally {
    input.dispose()
  }
}

/** Rewrites an MP4 in place, packets copied as they are: fragmented (moof/mdat pairs) or with its index after the media. */
export async function remux(filePath: string, fastStart: 'fragmented' | false): Promise<string[]> {
  const input = new Input({ source: new FilePathSource(filePath), formats: ALL_FORMATS })
  const target = new BufferTarget()
  const conversion = await Conversion.init({ input, output: new Output({ format: new Mp4OutputFormat({ fastStart }), target }) })
  await conversion.execute()
  input.dispose()
  await fs.writeFile(filePath, new Uint8Array(target.buffer!))
  const handle = await fs.open(filePath, 'r')
  const boxes = await topLevelBoxes(handle, (await handle.stat()).size).finally(() => handle.close())
  return boxes?.map((box) => box.type) ?? []
}

/** What `promise` was refused with; fails the test when it resolves or rejects with anything but an AppError. */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (cause: unknown) => cause)
  if (!(error instanceof AppErrorException)) throw new Error(`expected an AppErrorException, got ${String(error)}`)
  return error.error
}
