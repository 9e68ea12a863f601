import { open } from 'node:fs/promises'
import { Mp4LayoutError, boxHeaderAt, childBoxes, findChild, topLevelBoxes } from './mp4-boxes'
import { readTrackTables, type Mp4TrackTables } from './mp4-track-tables'
import type { JoinTake } from './join-sample-tables'

/** An index larger than this is not a take of a few minutes; reading it whole would only waste memory. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024

function unsupported(message: string): never {
  throw new Mp4LayoutError(message)
}

/**
 * Reads a take's index (`moov`) from disk and finds the byte range of its `mdat` that holds its video and sound,
 * which the copy join then moves whole. Fragmented files, media outside the `mdat` or an index this reader does
 * not follow throw Mp4LayoutError, and the caller joins packet by packet instead.
 */
export async function readJoinTake(filePath: string, frameRate: JoinTake['frameRate'], withSound: boolean): Promise<JoinTake> {
  const file = await open(filePath, 'r')
  try {
    const { size } = await file.stat()
    const boxes = (await topLevelBoxes(file, size)) ?? unsupported('the top-level boxes do not tile the file')
    if (boxes.some((box) => box.type === 'moof')) unsupported('a fragmented MP4')
    const moovs = boxes.filter((box) => box.type === 'moov')
    const moovBox = moovs.length === 1 ? moovs[0]! : unsupported('not exactly one moov')
    if (moovBox.end - moovBox.start > MAX_INDEX_BYTES) unsupported('an index too large for a take')
    const moov = Buffer.alloc(moovBox.end - moovBox.start)
    const { bytesRead } = await file.read(moov, 0, moov.byteLength, moovBox.start)
    if (bytesRead !== moov.byteLength) unsupported('the index could not be read whole')
    const root = boxHeaderAt(moov, 0, moov.byteLength)
    if (findChild(moov, root, 'mvex')) unsupported('a fragmented MP4')
    const tracks = childBoxes(moov, root).filter((box) => box.type === 'trak').map((trak) => readTrackTables(moov, trak))
    const video = tracks.find((track) => track.handler === 'vide') ?? unsupported('no video track')
    if (video.sizes.length === 0) unsupported('a video track without frames')
    const audio = withSound ? (tracks.find((track) => track.handler === 'soun') ?? null) : null
    const range = sampleRange([video, ...(audio ? [audio] : [])])
    const inMdat = boxes.some((box) => box.type === 'mdat' && box.payload <= range.start && range.end <= box.end)
    if (!inMdat) unsupported('samples outside one mdat')
    return { video, audio, frameRate, range }
  } finally {
    await file.close()
  }
}

/** From the first byte of the first chunk to the last byte of the last, over every track given. */
function sampleRange(tracks: readonly Mp4TrackTables[]): JoinTake['range'] {
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
