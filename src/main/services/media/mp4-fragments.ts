import { throwLayoutError, boxHeaderAt, childBoxes } from './mp4-boxes'

/** `trun` flags for the optional fields before its entries, and for each field an entry may have. */
const DATA_OFFSET = 0x1
const FIRST_SAMPLE_FLAGS = 0x4
const ENTRY_FIELDS = [0x100, 0x200, 0x400, 0x800]

/**
 * How many samples one `moof` (a fragment's index, given whole) adds to each track, by track ID, read from its `trun`
 * boxes with every count checked against the bytes its entries take. A `trun` whose samples all use the defaults has
 * no entries at all, so only the caller's cap on the sums keeps such a count from being expanded.
 */
export function fragmentSampleCounts(moof: Uint8Array): Map<number, number> {
  const view = new DataView(moof.buffer, moof.byteOffset, moof.byteLength)
  const counts = new Map<number, number>()
  for (const traf of childBoxes(moof, boxHeaderAt(moof, 0, moof.byteLength)).filter((box) => box.type === 'traf')) {
    const children = childBoxes(moof, traf)
    const tfhd = children.find((box) => box.type === 'tfhd') ?? throwLayoutError('a fragment without a track header')
    if (tfhd.payload + 8 > tfhd.end) throwLayoutError('tfhd is shorter than it says')
    const trackId = view.getUint32(tfhd.payload + 4)
    for (const trun of children.filter((box) => box.type === 'trun')) {
      if (trun.payload + 8 > trun.end) throwLayoutError('trun is shorter than it says')
      const flags = view.getUint32(trun.payload) & 0xff_ffff
      const count = view.getUint32(trun.payload + 4)
      const header = 8 + (flags & DATA_OFFSET ? 4 : 0) + (flags & FIRST_SAMPLE_FLAGS ? 4 : 0)
      const entryBytes = 4 * ENTRY_FIELDS.filter((field) => flags & field).length
      if (trun.payload + header + count * entryBytes > trun.end) throwLayoutError('trun is shorter than its entries say')
      counts.set(trackId, (counts.get(trackId) ?? 0) + count)
    }
  }
  return counts
}
