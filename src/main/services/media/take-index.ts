import path from 'node:path'
import { fail } from '../../../shared/errors'
import type { ContainedFile } from '../disk/contained-file'
import { Mp4LayoutError, boxHeaderAt, childBoxes, declaredTopLevelBoxes, findChild, type Mp4Box } from './mp4-boxes'
import { fragmentSampleCounts } from './mp4-fragments'
import { readTrackTables, type Mp4TrackTables } from './mp4-track-tables'
import { MAX_TAKE_BYTES, MAX_TAKE_INDEX_BYTES, MAX_TAKE_SAMPLES, tooManySamples } from './take-limits'

export interface TakeIndex {
  /** The file's top-level boxes, every one inside the file. */
  boxes: Mp4Box[]
  /** The tracks' tables as the `moov` holds them; a fragmented file's samples are in its fragments instead. */
  tracks: Mp4TrackTables[]
  fragmented: boolean
}

export const unreadableHint = 'Download the take again, or choose another take for this clip.'

/**
 * Reads a take's index with the bounds-checked box reader before mediabunny or ffmpeg parse the file, because a
 * project folder may come from anyone: an index claiming billions of frames would otherwise cost gigabytes and
 * minutes, and a file cut short would export as a frozen picture. Refused with `media_unreadable`, naming the file:
 * a file that is not an MP4, is larger than a take can be, whose index (or fragments' indexes) claim more than a
 * take holds, or that ends before its media does.
 */
export async function readTakeIndex(file: ContainedFile): Promise<TakeIndex> {
  const name = path.basename(file.filePath)
  if (file.size > MAX_TAKE_BYTES) refuse(name, `it is ${Math.round(file.size / 1_048_576)} MB, larger than any take`)
  const boxes = await parsed(name, () => declaredTopLevelBoxes(file.handle, file.size))
  if (boxes[0]?.type !== 'ftyp') refuse(name, 'it is not an MP4 file')
  const declaredEnd = boxes[boxes.length - 1]!.end
  if (declaredEnd > file.size) endsEarly(name, file.size, declaredEnd)
  const moovs = boxes.filter((box) => box.type === 'moov')
  if (moovs.length !== 1) refuse(name, 'it has no single index (moov box)')
  const moov = await readBox(file, moovs[0]!, name)
  const { tracks, extended } = await parsed(name, () => {
    const root = boxHeaderAt(moov, 0, moov.byteLength)
    const trakBoxes = childBoxes(moov, root).filter((box) => box.type === 'trak')
    return { tracks: trakBoxes.map((trak) => readTrackTables(moov, trak)), extended: findChild(moov, root, 'mvex') !== undefined }
  })
  const mediaEnd = sampleRange(tracks).end
  if (mediaEnd > file.size) endsEarly(name, file.size, mediaEnd)
  const fragments = boxes.filter((box) => box.type === 'moof')
  await checkFragments(file, fragments, name)
  return { boxes, tracks, fragmented: extended || fragments.length > 0 }
}

/** The bytes the tracks' samples span in their file: from the first byte of the first chunk to the last byte of the last. */
export function sampleRange(tracks: readonly Mp4TrackTables[]): { start: number; end: number } {
  let start = Infinity
  let end = 0
  for (const track of tracks) {
    for (const chunk of track.chunks) {
      let bytes = 0
      for (let sample = chunk.firstSample; sample < chunk.firstSample + chunk.count; sample++) bytes += track.sizes[sample]!
      start = Math.min(start, chunk.offset)
      end = Math.max(end, chunk.offset + bytes)
    }
  }
  return { start, end }
}

/** A fragmented take's samples are listed fragment by fragment; their sum per track is held to what a take holds. */
async function checkFragments(file: ContainedFile, fragments: readonly Mp4Box[], name: string): Promise<void> {
  const samples = new Map<number, number>()
  let indexBytes = 0
  for (const fragment of fragments) {
    indexBytes += fragment.end - fragment.start
    if (indexBytes > MAX_TAKE_INDEX_BYTES) refuse(name, 'its fragments\' indexes are larger than any take needs')
    const bytes = await readBox(file, fragment, name)
    for (const [track, count] of await parsed(name, () => fragmentSampleCounts(bytes))) {
      const total = (samples.get(track) ?? 0) + count
      if (total > MAX_TAKE_SAMPLES) refuse(name, tooManySamples(total))
      samples.set(track, total)
    }
  }
}

async function readBox(file: ContainedFile, box: Mp4Box, name: string): Promise<Buffer> {
  if (box.end - box.start > MAX_TAKE_INDEX_BYTES) refuse(name, 'its index is larger than any take needs')
  const bytes = Buffer.alloc(box.end - box.start)
  const { bytesRead } = await file.handle.read(bytes, 0, bytes.byteLength, box.start)
  if (bytesRead !== bytes.byteLength) endsEarly(name, file.size, box.end)
  return bytes
}

/** Runs a read of the box reader, turning a layout it refuses into the user's error. */
async function parsed<T>(name: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (cause) {
    if (cause instanceof Mp4LayoutError) refuse(name, cause.message)
    throw cause
  }
}

function refuse(name: string, reason: string): never {
  return fail('media_unreadable', `${name} is not a take Omniboard can read: ${reason}.`, unreadableHint)
}

function endsEarly(name: string, size: number, expected: number): never {
  const percent = Math.floor((size / expected) * 100)
  return fail('media_unreadable', `The take ${name} ends early (the file is cut short at ${percent} %).`, 'Retry download to fetch the take again, or choose another take for this clip.')
}
