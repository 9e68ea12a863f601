import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { readContained } from '../disk/contained-file'

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
}

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
 * Like writeFileAtomic, but first keeps the current target as `backup` (itself written atomically), so a
 * user always has the previous good version next to the new one. `current`: the target's bytes when the caller
 * has just read them (null: there is no target), so a large file is not read twice per save.
 */
export async function writeFileAtomicWithBackup(
  target: string,
  backup: string,
  data: Uint8Array,
  disk: DurableFs = nodeDurableFs,
  current?: Uint8Array | null,
): Promise<void> {
  const previous = current === undefined ? await readIfExists(target, disk) : current
  if (previous !== null) await writeFileAtomic(backup, previous, disk)
  await writeFileAtomic(target, data, disk)
}

async function readIfExists(filePath: string, disk: DurableFs): Promise<Uint8Array | null> {
  try {
    return await disk.readFile(filePath)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw cause
  }
}
