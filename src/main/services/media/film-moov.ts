import { throwLayoutError } from './mp4-boxes'
import { box, boxHeader, boxHeaderBytes, fullBox, runs, u16, u32, u64, uintTable } from './mp4-box-writer'
import type { JoinLayout, JoinedTrack } from './join-sample-tables'

const MAX_U32 = 0xffff_ffff
const IDENTITY_MATRIX = [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000]

/** The bytes before the film's media: `ftyp`, the index (`moov`, up front so a film plays while it downloads), the `mdat` header. */
export interface FilmHeader {
  bytes: Buffer
  /** Whether chunk offsets needed 64 bits (`co64`): the film's media runs past 4 GB. */
  wideOffsets: boolean
}

export function buildFilmHeader(layout: JoinLayout): FilmHeader {
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'))
  const mdatHeader = boxHeader('mdat', layout.payloadBytes)
  // Every table but the chunk offsets is the same wherever the media lands, so each is built once.
  const tables = new Map([layout.video, ...(layout.audio ? [layout.audio] : [])].map((track) => [track, fixedTables(track)]))
  // The index's size does not depend on the offsets it holds, only on their width, so one trial build sizes it.
  const payloadStart = (wide: boolean): number => ftyp.byteLength + buildMoov(layout, tables, 0, wide).byteLength + boxHeaderBytes(layout.payloadBytes)
  // A loop, not Math.max(...offsets): a feature film has more chunks than a call can take arguments.
  let lastChunk = 0
  for (const track of [layout.video, layout.audio]) for (const chunk of track?.chunks ?? []) lastChunk = Math.max(lastChunk, chunk.offset)
  const narrowStart = lastChunk > MAX_U32 ? null : payloadStart(false)
  const wideOffsets = narrowStart === null || narrowStart + lastChunk > MAX_U32
  const moov = buildMoov(layout, tables, wideOffsets ? payloadStart(true) : narrowStart, wideOffsets)
  return { bytes: Buffer.concat([ftyp, moov, mdatHeader]), wideOffsets }
}

type FixedTables = ReadonlyMap<JoinedTrack, Buffer[]>

/** The film's index; the movie time scale is the video's, so the picture's edit and duration are exact. */
function buildMoov(layout: JoinLayout, tables: FixedTables, payloadStart: number, wideOffsets: boolean): Buffer {
  const movieScale = layout.video.timescale
  const toMovie = (track: JoinedTrack): number => Math.round((track.durationTicks * movieScale) / track.timescale)
  const tracks = [layout.video, ...(layout.audio ? [layout.audio] : [])]
  const duration = Math.max(...tracks.map(toMovie))
  return box(
    'moov',
    mvhd(movieScale, duration, tracks.length + 1),
    ...tracks.map((track, index) => trak(track, index + 1, toMovie(track), box('stbl', ...tables.get(track)!, chunkOffsets(track, payloadStart, wideOffsets)))),
  )
}

function mvhd(timescale: number, duration: number, nextTrackId: number): Buffer {
  const wide = duration > MAX_U32
  return fullBox(
    'mvhd', wide ? 1 : 0, 0,
    ...(wide ? [u64(0), u64(0), u32(timescale), u64(duration)] : [u32(0), u32(0), u32(timescale), u32(duration)]),
    u32(0x0001_0000), u16(0x0100), Buffer.alloc(10), uintTable(IDENTITY_MATRIX), Buffer.alloc(24), u32(nextTrackId),
  )
}

function trak(track: JoinedTrack, trackId: number, movieDuration: number, stbl: Buffer): Buffer {
  const sound = track.handler === 'soun'
  const wideEdit = movieDuration > MAX_U32 || track.editMediaTime > 0x7fff_ffff
  const entry = wideEdit ? [u64(movieDuration), u64(track.editMediaTime)] : [u32(movieDuration), u32(track.editMediaTime)]
  // The picture's edit skips the B-frame delay that composition offsets add, so the film's first frame shows at 0.
  const edit = track.editMediaTime > 0 ? [box('edts', fullBox('elst', wideEdit ? 1 : 0, 0, u32(1), ...entry, u32(0x0001_0000)))] : []
  return box(
    'trak',
    tkhd(track.tkhd, trackId, movieDuration),
    ...edit,
    box(
      'mdia',
      mdhd(track.timescale, track.durationTicks),
      fullBox('hdlr', 0, 0, u32(0), Buffer.from(sound ? 'soun' : 'vide', 'latin1'), Buffer.alloc(12), Buffer.from(sound ? 'SoundHandler\0' : 'VideoHandler\0', 'latin1')),
      box(
        'minf',
        sound ? fullBox('smhd', 0, 0, Buffer.alloc(4)) : fullBox('vmhd', 0, 1, Buffer.alloc(8)),
        box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
        stbl,
      ),
    ),
  )
}

/** The first take's track header (size, matrix, volume) with the film's track number and duration. */
function tkhd(source: Uint8Array, trackId: number, duration: number): Buffer {
  const bytes = Buffer.from(source)
  if (bytes.readUInt32BE(0) !== bytes.byteLength) throwLayoutError('a track header with a 64-bit size')
  const wide = bytes[8] === 1
  if (!wide && duration > MAX_U32) throwLayoutError('a film too long for its track header')
  bytes.writeUIntBE(3, 9, 3)
  bytes.writeUInt32BE(trackId, wide ? 28 : 20)
  if (wide) bytes.writeBigUInt64BE(BigInt(duration), 36)
  else bytes.writeUInt32BE(duration, 28)
  return bytes
}

function mdhd(timescale: number, duration: number): Buffer {
  const wide = duration > MAX_U32
  const times = wide ? [u64(0), u64(0), u32(timescale), u64(duration)] : [u32(0), u32(0), u32(timescale), u32(duration)]
  // 0x55c4 is the packed ISO 639-2 code "und" (undetermined).
  return fullBox('mdhd', wide ? 1 : 0, 0, ...times, u16(0x55c4), u16(0))
}

/** `stsd`, `stts`, `ctts`, `stss`, `stsc` and `stsz`: everything in the sample table but where the chunks lie. */
function fixedTables(track: JoinedTrack): Buffer[] {
  const composition = track.compositionOffsets
  const negative = composition?.some((offset) => offset < 0) ?? false
  const sameSize = track.sizes.every((size) => size === track.sizes[0])
  const perChunk = runsOfChunks(track.chunks.map((chunk) => chunk.count))
  const timing = runs(track.deltas)
  const shifts = composition ? runs(composition).map((value) => value >>> 0) : null
  return [
    Buffer.from(track.stsd),
    fullBox('stts', 0, 0, u32(timing.length / 2), uintTable(timing)),
    ...(shifts ? [fullBox('ctts', negative ? 1 : 0, 0, u32(shifts.length / 2), uintTable(shifts))] : []),
    ...(track.syncSamples ? [fullBox('stss', 0, 0, u32(track.syncSamples.length), uintTable(track.syncSamples.map((sample) => sample + 1)))] : []),
    fullBox('stsc', 0, 0, u32(perChunk.length / 3), uintTable(perChunk)),
    fullBox('stsz', 0, 0, u32(sameSize ? (track.sizes[0] ?? 0) : 0), u32(track.sizes.length), ...(sameSize ? [] : [uintTable(track.sizes)])),
  ]
}

function chunkOffsets(track: JoinedTrack, payloadStart: number, wideOffsets: boolean): Buffer {
  const offsets = track.chunks.map((chunk) => chunk.offset + payloadStart)
  return fullBox(wideOffsets ? 'co64' : 'stco', 0, 0, u32(offsets.length), uintTable(offsets, wideOffsets))
}

/** `stsc` entries (first chunk from 1, samples per chunk, description 1) for each run of chunks of one size. */
function runsOfChunks(counts: readonly number[]): number[] {
  const entries: number[] = []
  counts.forEach((count, index) => {
    if (index === 0 || count !== counts[index - 1]) entries.push(index + 1, count, 1)
  })
  return entries
}
