import { openContained } from '../disk/contained-file'
import type { FileIdentity } from '../disk/file-identity'
import { throwLayoutError } from './mp4-boxes'
import type { JoinTake } from './join-sample-tables'
import { readTakeIndex, sampleRange, type TakeIndex } from './take-index'

/**
 * Reads the index of a take in the project at `root` and finds the byte range of its `mdat` that holds its video and
 * sound, which the copy join then moves whole. A take that fails the checks every take passes (readTakeIndex) is
 * refused with its error; one whose layout this join does not follow (fragmented, edit lists beyond one plain edit,
 * media outside its `mdat`…) throws Mp4LayoutError, and the caller joins packet by packet instead.
 */
export async function readJoinTake(root: string, filePath: string, frameRate: JoinTake['frameRate'], withSound: boolean): Promise<JoinTake & { identity: FileIdentity }> {
  const file = await openContained(root, filePath)
  try {
    return { ...joinTakeOf(await readTakeIndex(file), frameRate, withSound), identity: file.identity }
  } finally {
    await file.handle.close()
  }
}

/** readJoinTake of an index already read (and checked) by readTakeIndex. */
export function joinTakeOf({ boxes, tracks, fragmented }: TakeIndex, frameRate: JoinTake['frameRate'], withSound: boolean): JoinTake {
  if (fragmented) throwLayoutError('a fragmented MP4')
  const video = tracks.find((track) => track.handler === 'vide') ?? throwLayoutError('no video track')
  if (video.sizes.length === 0) throwLayoutError('a video track without frames')
  const audio = withSound ? (tracks.find((track) => track.handler === 'soun') ?? null) : null
  for (const track of [video, ...(audio ? [audio] : [])]) if (track.copyIssue) throwLayoutError(track.copyIssue)
  const range = sampleRange([video, ...(audio ? [audio] : [])])
  const inMdat = boxes.some((box) => box.type === 'mdat' && box.payload <= range.start && range.end <= box.end)
  if (!inMdat) throwLayoutError('samples outside one mdat')
  return { video, audio, frameRate, range }
}
