import { promises as fs } from 'node:fs'
import { fixturePath } from './film-fixtures'

/**
 * Writes to `target` a film fixture whose first track (its video) claims `frames` frames: one fixed sample size in
 * `stsz`, so the claim needs no table, and one timing run covering them all in `stts`. Every other byte is the real
 * take's, so only a reader that believes the count is fooled.
 */
export async function writeClaimingFrames(fixture: string, target: string, frames: number): Promise<void> {
  const bytes = await fs.readFile(fixturePath(fixture))
  const stsz = bytes.indexOf('stsz', 0, 'latin1') - 4
  bytes.writeUInt32BE(100, stsz + 12)
  bytes.writeUInt32BE(frames, stsz + 16)
  const stts = bytes.indexOf('stts', 0, 'latin1') - 4
  bytes.writeUInt32BE(1, stts + 12)
  bytes.writeUInt32BE(frames, stts + 16)
  await fs.writeFile(target, bytes)
}

/** Writes to `target` the first `fraction` of a film fixture (index first), as a download cut off part-way leaves it. */
export async function writeCutShort(fixture: string, target: string, fraction: number): Promise<void> {
  const bytes = await fs.readFile(fixturePath(fixture))
  await fs.writeFile(target, bytes.subarray(0, Math.ceil(bytes.byteLength * fraction)))
}
