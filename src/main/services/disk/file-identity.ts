import type { BigIntStats } from 'node:fs'

/**
 * Which file a path names, as the kernel keeps it: disk, inode, size, and the times of the last write (mtime) and
 * of the last change of any kind (ctime, which no program can set back: writing, renaming or setting the mtime all
 * move it to now). Equal identities mean the same file with the same bytes, as long as it was not written within
 * the file system's timestamp granularity of being looked at (see `settledBy`).
 */
export interface FileIdentity {
  key: string
  /** The later of mtime and ctime, in ms since the epoch. */
  changedMs: number
}

export function fileIdentity(stat: BigIntStats): FileIdentity {
  const changedNs = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs
  return { key: `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`, changedMs: Number(changedNs / 1_000_000n) }
}

/** Coarser than any file system's timestamps (FAT's mtime counts in 2 s; ext4's follow the kernel's tick). */
const SETTLE_MS = 2_000

/**
 * Whether a file looked at `atMs` had been left alone long enough that a later write must change its identity: one
 * written in the same timestamp tick as the look could keep every field (git calls such index entries "racily clean").
 */
export const settledBy = (identity: FileIdentity, atMs: number): boolean => identity.changedMs <= atMs - SETTLE_MS
