import { throwLayoutError } from './mp4-boxes'
import type { Mp4TrackTables } from './mp4-track-tables'

/** One take as the copy join sees it: its two tracks' index and the byte range of its file that holds their samples. */
export interface JoinTake {
  video: Mp4TrackTables
  audio: Mp4TrackTables | null
  frameRate: { num: number; den: number }
  range: { start: number; end: number }
}

/** Which of a take's sound samples go into the film, and how many silent frames follow them to reach its picture's end. */
export interface AudioSelection {
  first: number
  count: number
  silentFrames: number
}

/** One track of the joined film, sample by sample; chunk offsets count from the first byte of the `mdat` payload. */
export interface JoinedTrack {
  /** `vide` or `soun`. */
  handler: string
  timescale: number
  tkhd: Uint8Array
  stsd: Uint8Array
  sizes: number[]
  deltas: number[]
  compositionOffsets: number[] | null
  /** Indices (from 0) of sync samples; null when every sample is one. */
  syncSamples: number[] | null
  chunks: { offset: number; count: number }[]
  editMediaTime: number
  durationTicks: number
}

/** The film's `mdat` payload in order: each take's sample range copied whole, then any silence it needs. */
export type JoinPiece = { kind: 'range'; take: number; start: number; end: number } | { kind: 'silence'; frames: number }

export interface JoinLayout {
  pieces: JoinPiece[]
  payloadBytes: number
  video: JoinedTrack
  audio: JoinedTrack | null
}

export interface FilmSound {
  /** The film's audio sample rate, which must be every sound track's time scale. */
  sampleRate: number
  frameSamples: number
}

/** Each take's picture lasts exactly its frame count at its frame rate, in the film's video time scale. */
export function takeTicks(take: JoinTake, timescale: number): number {
  const ticksPerFrame = (timescale * take.frameRate.den) / take.frameRate.num
  if (!Number.isInteger(ticksPerFrame)) throwLayoutError('a frame rate the time scale cannot hold exactly')
  return take.video.sizes.length * ticksPerFrame
}

/**
 * Lays sound out on one running clock, as the packet join did: a take's samples from its edit's start on (encoder
 * priming dropped), as many as end by its picture's end give or take half a frame, then silent frames up to it.
 * At every take's start the sound is within one AAC frame of the picture, so 20 takes drift no more than one.
 */
export function selectAudio(takes: readonly JoinTake[], sound: FilmSound): AudioSelection[] {
  const timescale = takes[0]?.video.timescale ?? 1
  let videoEnd = 0
  let audioAt = 0
  // Compared doubled and cross-multiplied so every step is an exact integer sum.
  const fits = (duration: number): boolean => (2 * audioAt + duration) * timescale <= 2 * videoEnd * sound.sampleRate
  return takes.map((take) => {
    videoEnd += takeTicks(take, timescale)
    const track = take.audio
    let first = 0
    let count = 0
    if (track) {
      if (track.timescale !== sound.sampleRate || track.compositionOffsets) throwLayoutError('sound timed other than by its sample rate')
      for (let decodeTime = 0; first < track.deltas.length && decodeTime < track.editMediaTime; first++) decodeTime += track.deltas[first]!
      while (first + count < track.deltas.length && fits(track.deltas[first + count]!)) audioAt += track.deltas[first + count++]!
    }
    let silentFrames = 0
    for (; fits(sound.frameSamples); silentFrames++) audioAt += sound.frameSamples
    return { first, count, silentFrames }
  })
}

/** Concatenates the takes' sample tables into the film's, rebasing every chunk onto where its bytes land in the film. */
export function layoutJoin(takes: readonly JoinTake[], selections: readonly AudioSelection[], silence: { frameBytes: number; frameSamples: number } | null): JoinLayout {
  const firstTake = takes[0] ?? throwLayoutError('no takes')
  const pieces: JoinPiece[] = []
  const timescale = firstTake.video.timescale
  const shifts = takes.map((take) => presentationStart(take.video))
  const shift = shifts.reduce((most, value) => Math.max(most, value))
  const video = emptyTrack(firstTake.video, shift)
  const soundSource = takes.find((take) => take.audio)?.audio
  const audio = soundSource ? emptyTrack(soundSource, 0) : null
  const anyComposition = takes.some((take) => take.video.compositionOffsets) || shift > 0
  const anySyncTable = takes.some((take) => take.video.syncSamples)
  let at = 0
  takes.forEach((take, index) => {
    if (take.video.timescale !== timescale) throwLayoutError('takes with different video time scales')
    const rebase = at - take.range.start
    pieces.push({ kind: 'range', take: index, start: take.range.start, end: take.range.end })
    at += take.range.end - take.range.start
    appendVideo(video, take, rebase, { ticks: takeTicks(take, timescale), shift: shift - shifts[index]!, composition: anyComposition, syncTable: anySyncTable })
    const selection = selections[index]!
    if (audio && take.audio) appendSamples(audio, take.audio, selection.first, selection.count, rebase)
    if (audio && selection.silentFrames > 0) {
      if (!silence) throwLayoutError('silence is needed but none was made')
      audio.chunks.push({ offset: at, count: selection.silentFrames })
      for (let frame = 0; frame < selection.silentFrames; frame++) {
        audio.sizes.push(silence.frameBytes)
        audio.deltas.push(silence.frameSamples)
      }
      audio.durationTicks += selection.silentFrames * silence.frameSamples
      pieces.push({ kind: 'silence', frames: selection.silentFrames })
      at += selection.silentFrames * silence.frameBytes
    }
  })
  return { pieces, payloadBytes: at, video, audio }
}

function emptyTrack(source: Mp4TrackTables, editMediaTime: number): JoinedTrack {
  return { handler: source.handler, timescale: source.timescale, tkhd: source.tkhd, stsd: source.stsd, sizes: [], deltas: [], compositionOffsets: null, syncSamples: null, chunks: [], editMediaTime, durationTicks: 0 }
}

/** The earliest presentation time in the take's media: the packet join started each take's picture there. */
function presentationStart(track: Mp4TrackTables): number {
  let decodeTime = 0
  let earliest = Infinity
  for (let index = 0; index < track.deltas.length; index++) {
    earliest = Math.min(earliest, decodeTime + (track.compositionOffsets?.[index] ?? 0))
    decodeTime += track.deltas[index]!
  }
  return earliest === Infinity ? 0 : earliest
}

interface VideoJoin {
  ticks: number
  /** Added to each composition offset so this take's first picture lands on its start in the film. */
  shift: number
  composition: boolean
  syncTable: boolean
}

function appendVideo(film: JoinedTrack, take: JoinTake, rebase: number, join: VideoJoin): void {
  const track = take.video
  const base = film.sizes.length
  const start = film.durationTicks
  appendSamples(film, track, 0, track.sizes.length, rebase)
  // The last frame is stretched or shortened so the take lasts exactly its frame count and the next starts on time.
  const last = film.deltas.length - 1
  const lastDelta = start + join.ticks - (film.durationTicks - film.deltas[last]!)
  if (lastDelta <= 0) throwLayoutError('frames too long for the take\'s frame count')
  film.deltas[last] = lastDelta
  film.durationTicks = start + join.ticks
  if (join.composition) {
    film.compositionOffsets ??= []
    for (let index = 0; index < track.sizes.length; index++) film.compositionOffsets.push((track.compositionOffsets?.[index] ?? 0) + join.shift)
  }
  if (join.syncTable) {
    film.syncSamples ??= []
    if (track.syncSamples) for (const sample of track.syncSamples) film.syncSamples.push(base + sample)
    else for (let index = 0; index < track.sizes.length; index++) film.syncSamples.push(base + index)
  }
}

/** Appends samples [first, first + count) of a track, splitting its chunks where the range starts or ends inside one. */
function appendSamples(film: JoinedTrack, track: Mp4TrackTables, first: number, count: number, rebase: number): void {
  const end = first + count
  for (const chunk of track.chunks) {
    const from = Math.max(first, chunk.firstSample)
    const to = Math.min(end, chunk.firstSample + chunk.count)
    if (from >= to) continue
    let skipped = 0
    for (let sample = chunk.firstSample; sample < from; sample++) skipped += track.sizes[sample]!
    film.chunks.push({ offset: chunk.offset + skipped + rebase, count: to - from })
  }
  for (let sample = first; sample < end; sample++) {
    film.sizes.push(track.sizes[sample]!)
    film.deltas.push(track.deltas[sample]!)
    film.durationTicks += track.deltas[sample]!
  }
}
