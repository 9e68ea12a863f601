import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { readContained } from './contained-file'

/** project.json and its backup: far above any real project, small enough to hold in memory. */
export const MAX_REPLACED_FILE_BYTES = 256 * 1024 * 1024

/** The few file operations a durable write needs, so tests can make any one of them fail like a real disk. */
export interface WritableFile {
  write(data: Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}
export interface DurableFs {
  createExclusive(filePath: string): Promise<WritableFile>
  readFile(filePath: string): Promise<Uint8Array>
  rename(from: string, to: string): Promise<void>
  remove(filePath: string): Promise<void>
  syncDirectory(dir: string): Promise<void>
  /**
   * Makes `newPath` a second name of `existing` if that is a regular file with no other name; false (nothing
   * made) when it is not, or the file system has no hard links.
   */
  linkSoleFile(existing: string, newPath: string): Promise<boolean>
}

export const nodeDurableFs: DurableFs = {
  async createExclusive(filePath) {
    const handle = await fs.open(filePath, 'wx')
    return {
      write: async (data) => void (await handle.writeFile(data)),
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  },
  // The file being replaced may have been swapped for a link or a FIFO since the project opened.
  readFile: (filePath) => readContained(path.dirname(filePath), filePath, MAX_REPLACED_FILE_BYTES),
  rename: renameRetryingOnWindows,
  remove: (filePath) => fs.rm(filePath, { force: true }),
  async syncDirectory(dir) {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return
    const handle = await fs.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  async linkSoleFile(existing, newPath) {
    const before = await fs.lstat(existing, { bigint: true }).catch(() => null)
    // A symlink, or a hard link the user made to a file elsewhere, is never given a name in the project.
    if (before === null || !before.isFile() || before.nlink !== 1n) return false
    try {
      await fs.link(existing, newPath)
    } catch (cause) {
      if (NO_HARD_LINKS.includes((cause as NodeJS.ErrnoException).code ?? '')) return false
      throw cause
    }
    // Swapped for another file between the look and the link: keep nothing of it.
    const after = await fs.lstat(newPath, { bigint: true })
    if (after.isFile() && after.dev === before.dev && after.ino === before.ino && after.nlink === 2n) return true
    await fs.rm(newPath, { force: true })
    return false
  },
}

/** FAT/exFAT, some network shares and sandboxes refuse hard links; the backup is then written as a copy. */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']

/**
 * On Windows a virus scanner or the search indexer briefly holds files it just saw, and rename then fails
 * with EPERM/EACCES/EBUSY; waiting a moment is what fixes it.
 */
async function renameRetryingOnWindows(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to)
    } catch (cause) {
      const transient = ['EPERM', 'EACCES', 'EBUSY'].includes((cause as NodeJS.ErrnoException).code ?? '')
      if (process.platform !== 'win32' || !transient || attempt >= 8) throw cause
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt))
    }
  }
}

/** Leftovers of writes interrupted by a crash look like this; they are never mistaken for real files. */
export const TEMP_FILE_PATTERN = /\.omniboard-tmp-[a-f0-9]{12}$/
export const tempPathFor = (target: string): string => `${target}.omniboard-tmp-${randomBytes(6).toString('hex')}`

/**
 * Replaces `target` so that a crash at any moment leaves either the old bytes or the new ones: the data is
 * written and fsynced under a temporary name in the same folder, renamed over the target, and the folder is
 * fsynced so the rename itself survives a power cut. On failure the temporary file is removed and the
 * target is untouched.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, disk: DurableFs = nodeDurableFs): Promise<void> {
  const temp = tempPathFor(target)
  let file: WritableFile | null = null
  try {
    file = await disk.createExclusive(temp)
    await file.write(data)
    await file.sync()
    await file.close()
    file = null
    await disk.rename(temp, target)
  } catch (cause) {
    if (file !== null) await file.close().catch(() => undefined)
    await disk.remove(temp).catch(() => undefined)
    throw cause
  }
  await disk.syncDirectory(path.dirname(target))
}

/**
 * The end of writeFileAtomic for a file too large to hold in memory, which something else wrote at `temp`
 * (tempPathFor(target); an encoder streams a film into it): fsynced, renamed over `target`, the folder fsynced. The
 * caller removes the temporary file when this fails.
 */
export async function replaceWithWrittenFile(temp: string, target: string): Promise<void> {
  await syncFile(temp)
  await nodeDurableFs.rename(temp, target)
  await nodeDurableFs.syncDirectory(path.dirname(target))
}

/** Flushes a file something else wrote (an encoder given its path) to the disk before it takes its name. */
export async function syncFile(filePath: string): Promise<void> {
  const handle = await fs.open(filePath, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Like writeFileAtomic, but first keeps the current target as `backup`, so a user always has the previous good
 * version next to the new one. `current`: the target's bytes when the caller has just read them (null: there is
 * no target), so a large file is not read twice per save.
 *
 * The backup is normally the old target file itself, given the backup's name by a hard link (no second copy of
 * the bytes is written). Crash safety: the old file is complete and never written in place; the link is made under
 * a temporary name and renamed over the backup (each name switches from one complete file to another), and only
 * then is the new, fsynced file renamed over the target. So at every instant both names hold a complete project,
 * whichever of the renames a power cut keeps. Where a link cannot be made the backup is an atomic copy, as before.
 */
export async function writeFileAtomicWithBackup(
  target: string,
  backup: string,
  data: Uint8Array,
  disk: DurableFs = nodeDurableFs,
  current?: Uint8Array | null,
): Promise<void> {
  if (!(await keepAsBackup(target, backup, disk))) {
    const previous = current === undefined ? await readIfExists(target, disk) : current
    if (previous !== null) await writeFileAtomic(backup, previous, disk)
  }
  await writeFileAtomic(target, data, disk)
}

/** The target's file becomes the backup by name; false when it cannot (then the caller copies its bytes). */
async function keepAsBackup(target: string, backup: string, disk: DurableFs): Promise<boolean> {
  const temp = tempPathFor(backup)
  try {
    if (!(await disk.linkSoleFile(target, temp))) return false
    await disk.rename(temp, backup)
    return true
  } catch (cause) {
    await disk.remove(temp).catch(() => undefined)
    throw cause
  }
}

async function readIfExists(filePath: string, disk: DurableFs): Promise<Uint8Array | null> {
  try {
    return await disk.readFile(filePath)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw cause
  }
}
