import { throwLayoutError, childBoxes, findChild, requireChild, type Mp4Box } from './mp4-boxes'
import { MAX_TAKE_SAMPLES, tooManySamples } from './take-limits'

/** A run of samples stored back to back in the file. */
export interface Mp4Chunk {
  /** Byte offset of the chunk's first sample in its file. */
  offset: number
  /** Index (from 0) of the chunk's first sample in the track. */
  firstSample: number
  count: number
}

/** One track's index, expanded sample by sample (a take has a few hundred samples per track, never more than MAX_TAKE_SAMPLES). */
export interface Mp4TrackTables {
  handler: string
  trackId: number
  timescale: number
  /** The whole `tkhd` and `stsd` boxes, bytes as in the file. */
  tkhd: Uint8Array
  stsd: Uint8Array
  sizes: Uint32Array
  /** Decode-time step after each sample, in `timescale` units. */
  deltas: Uint32Array
  /** Presentation minus decode time per sample; null when the track has no `ctts`. */
  compositionOffsets: Int32Array | null
  /** Indices (from 0) of the sync samples; null when every sample is one. */
  syncSamples: Uint32Array | null
  chunks: Mp4Chunk[]
  /** Media time the track's edit starts presenting at; 0 without an edit list. */
  editMediaTime: number
  /** Why the copy join cannot take this track's bytes as they are (several sample descriptions, an edit it does not follow); null when it can. */
  copyIssue: string | null
}

/**
 * Reads one `trak` of a `moov` buffer. Every count is checked against the bytes of its box and against what a take
 * can hold before anything is allocated for it; a table that breaks either, or media in another file, throws
 * Mp4LayoutError.
 */
export function readTrackTables(bytes: Uint8Array, trak: Mp4Box): Mp4TrackTables {
  const reader = new FullBoxReader(bytes)
  const tkhd = requireChild(bytes, trak, 'tkhd')
  const mdia = requireChild(bytes, trak, 'mdia')
  const mdhd = requireChild(bytes, mdia, 'mdhd')
  const hdlr = requireChild(bytes, mdia, 'hdlr')
  const minf = requireChild(bytes, mdia, 'minf')
  const stbl = requireChild(bytes, minf, 'stbl')
  requireSelfContained(bytes, reader, requireChild(bytes, minf, 'dinf'))
  const stsd = requireChild(bytes, stbl, 'stsd')
  const descriptions = reader.u32(stsd.payload + 4, stsd)
  const sizes = readSizes(reader, requireChild(bytes, stbl, 'stsz'))
  const deltas = expandRuns(reader, requireChild(bytes, stbl, 'stts'), sizes.length, Uint32Array)
  const ctts = findChild(bytes, stbl, 'ctts')
  const stss = findChild(bytes, stbl, 'stss')
  const tkhdVersion = bytes[tkhd.payload]
  const mdhdVersion = bytes[mdhd.payload]
  const edit = readEdit(bytes, reader, trak)
  return {
    handler: fourCC(reader.u32(hdlr.payload + 8, hdlr)),
    trackId: reader.u32(tkhd.payload + (tkhdVersion === 1 ? 20 : 12), tkhd),
    timescale: reader.u32(mdhd.payload + (mdhdVersion === 1 ? 20 : 12), mdhd),
    tkhd: bytes.subarray(tkhd.start, tkhd.end),
    stsd: bytes.subarray(stsd.start, stsd.end),
    sizes,
    deltas,
    compositionOffsets: ctts ? expandRuns(reader, ctts, sizes.length, Int32Array) : null,
    syncSamples: stss ? readSyncSamples(reader, stss, sizes.length) : null,
    chunks: readChunks(bytes, reader, stbl, sizes.length, descriptions),
    editMediaTime: edit ?? 0,
    copyIssue: descriptions !== 1 ? 'a track with several sample descriptions' : edit === null ? 'an edit list other than one plain edit' : null,
  }
}

/** Reads integers inside a box, refusing any that would lie past the box's end. */
class FullBoxReader {
  private readonly view: DataView
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  u32(at: number, box: Mp4Box): number {
    if (at + 4 > box.end) throwLayoutError(`${box.type} is shorter than its entries say`)
    return this.view.getUint32(at)
  }
  i32(at: number, box: Mp4Box): number {
    if (at + 4 > box.end) throwLayoutError(`${box.type} is shorter than its entries say`)
    return this.view.getInt32(at)
  }
  u64(at: number, box: Mp4Box): number {
    if (at + 8 > box.end) throwLayoutError(`${box.type} is shorter than its entries say`)
    return Number(this.view.getBigUint64(at))
  }
  i64(at: number, box: Mp4Box): number {
    if (at + 8 > box.end) throwLayoutError(`${box.type} is shorter than its entries say`)
    return Number(this.view.getBigInt64(at))
  }
  /** The entry count after a full box's version and flags, checked against the room the entries need. */
  entries(box: Mp4Box, headerBytes: number, entryBytes: number): number {
    const count = this.u32(box.payload + headerBytes - 4, box)
    if (box.payload + headerBytes + count * entryBytes > box.end) throwLayoutError(`${box.type} is shorter than its entries say`)
    return count
  }
}

/** Only media inside the file itself can be copied; a data reference to another file cannot. */
function requireSelfContained(bytes: Uint8Array, reader: FullBoxReader, dinf: Mp4Box): void {
  const dref = requireChild(bytes, dinf, 'dref')
  const entries = childBoxes(bytes, dref, 8)
  if (entries.length !== 1 || (reader.u32(entries[0]!.payload, entries[0]!) & 1) !== 1) throwLayoutError('media outside the file')
}

function readSizes(reader: FullBoxReader, stsz: Mp4Box): Uint32Array {
  const fixed = reader.u32(stsz.payload + 4, stsz)
  const count = reader.entries(stsz, 12, fixed === 0 ? 4 : 0)
  // A fixed sample size needs no table, so only this bound keeps a damaged count from allocating gigabytes.
  if (count > MAX_TAKE_SAMPLES) throwLayoutError(tooManySamples(count))
  const sizes = new Uint32Array(count)
  for (let index = 0; index < count; index++) sizes[index] = fixed === 0 ? reader.u32(stsz.payload + 12 + index * 4, stsz) : fixed
  return sizes
}

/** `stts` and `ctts` are (count, value) runs; expanded they must cover every sample exactly. */
function expandRuns<T extends Uint32Array | Int32Array>(reader: FullBoxReader, box: Mp4Box, samples: number, kind: new (length: number) => T): T {
  const runs = reader.entries(box, 8, 8)
  if (runs > samples) throwLayoutError(`${box.type} has more runs than the track has samples`)
  const values = new kind(samples)
  const signed = box.type === 'ctts'
  let at = 0
  for (let run = 0; run < runs; run++) {
    const entry = box.payload + 8 + run * 8
    const count = reader.u32(entry, box)
    const value = signed ? reader.i32(entry + 4, box) : reader.u32(entry + 4, box)
    if (at + count > samples) throwLayoutError(`${box.type} covers more samples than the track has`)
    values.fill(value, at, at + count)
    at += count
  }
  if (at !== samples) throwLayoutError(`${box.type} covers fewer samples than the track has`)
  return values
}

function readSyncSamples(reader: FullBoxReader, stss: Mp4Box, samples: number): Uint32Array {
  const count = reader.entries(stss, 8, 4)
  if (count > samples) throwLayoutError('stss lists more key frames than the track has samples')
  const sync = new Uint32Array(count)
  for (let index = 0; index < count; index++) {
    const number = reader.u32(stss.payload + 8 + index * 4, stss)
    if (number < 1 || number > samples || (index > 0 && number <= sync[index - 1]! + 1)) throwLayoutError('stss is out of order')
    sync[index] = number - 1
  }
  return sync
}

/** Joins `stsc` (samples per chunk, by runs of chunks) with `stco`/`co64` (where each chunk starts). */
function readChunks(bytes: Uint8Array, reader: FullBoxReader, stbl: Mp4Box, samples: number, descriptions: number): Mp4Chunk[] {
  const stco = findChild(bytes, stbl, 'stco') ?? findChild(bytes, stbl, 'co64') ?? throwLayoutError('a track without chunk offsets')
  const wide = stco.type === 'co64'
  const chunkCount = reader.entries(stco, 8, wide ? 8 : 4)
  // Every chunk holds at least one sample, so this also bounds the loop below.
  if (chunkCount > samples) throwLayoutError('more chunks than the track has samples')
  const stsc = requireChild(bytes, stbl, 'stsc')
  const runs = reader.entries(stsc, 8, 12)
  const chunks: Mp4Chunk[] = []
  let sample = 0
  for (let run = 0; run < runs; run++) {
    const entry = stsc.payload + 8 + run * 12
    const first = reader.u32(entry, stsc) - 1
    const perChunk = reader.u32(entry + 4, stsc)
    const last = run + 1 < runs ? reader.u32(entry + 12, stsc) - 1 : chunkCount
    const description = reader.u32(entry + 8, stsc)
    if (first !== chunks.length || last <= first || last > chunkCount || perChunk === 0 || description < 1 || description > descriptions) throwLayoutError('stsc does not describe the chunks in order')
    for (let chunk = first; chunk < last; chunk++) {
      const offset = wide ? reader.u64(stco.payload + 8 + chunk * 8, stco) : reader.u32(stco.payload + 8 + chunk * 4, stco)
      chunks.push({ offset, firstSample: sample, count: perChunk })
      sample += perChunk
    }
  }
  if (chunks.length !== chunkCount || sample !== samples) throwLayoutError('the chunks do not hold exactly the track\'s samples')
  return chunks
}

/** A single plain edit (what encoders write to hide AAC priming or B-frame delay) or none; null for any other edit list. */
function readEdit(bytes: Uint8Array, reader: FullBoxReader, trak: Mp4Box): number | null {
  const edts = findChild(bytes, trak, 'edts')
  const elst = edts ? findChild(bytes, edts, 'elst') : undefined
  if (!elst) return 0
  const version = bytes[elst.payload]
  const entryBytes = version === 1 ? 20 : 12
  const count = reader.entries(elst, 8, entryBytes)
  if (count !== 1) return null
  const entry = elst.payload + 8
  const mediaTime = version === 1 ? reader.i64(entry + 8, elst) : reader.i32(entry + 4, elst)
  const rate = reader.u32(entry + entryBytes - 4, elst)
  return mediaTime < 0 || rate !== 0x0001_0000 ? null : mediaTime
}

const fourCC = (value: number): string => String.fromCharCode((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff)
