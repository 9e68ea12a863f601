import { constants, promises as fs } from 'node:fs'
import path from 'node:path'
import { fail } from '../../../shared/errors'

// Windows has no O_NOFOLLOW (and creating links there needs rights a project copy rarely carries).
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0

/**
 * Reads a file of an open project without following a link planted in its place. A project folder can come
 * from anyone (a zip, a shared drive), and a link in it must not make Omniboard show a file from elsewhere
 * or send it to MuleRouter.
 */
export async function readProjectFile(filePath: string) {
  try {
    return await fs.readFile(filePath, { flag: constants.O_RDONLY | NO_FOLLOW })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ELOOP') throw cause
    return refuseLink(filePath)
  }
}

/**
 * Reads a project file front to back in chunks of exactly `chunkBytes` (the last may be shorter), refused on the
 * same terms as readProjectFile. Each chunk is the same buffer, valid until the next one is asked for, so
 * reading a large file keeps one chunk in memory.
 */
export async function* readProjectFileInChunks(filePath: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(filePath, constants.O_RDONLY | NO_FOLLOW)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ELOOP') throw cause
    return refuseLink(filePath)
  }
  try {
    const buffer = Buffer.alloc(chunkBytes)
    for (;;) {
      let filled = 0
      while (filled < chunkBytes) {
        const { bytesRead } = await handle.read(buffer, filled, chunkBytes - filled, null)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      if (filled === 0) return
      yield buffer.subarray(0, filled)
      if (filled < chunkBytes) return
    }
  } finally {
    await handle.close()
  }
}

/** The size of a project file, refused on the same terms as reading it, without reading it. */
export async function projectFileSize(filePath: string): Promise<number> {
  const info = await fs.lstat(filePath)
  if (info.isSymbolicLink()) return refuseLink(filePath)
  return info.size
}

function refuseLink(filePath: string): never {
  const name = `${path.basename(path.dirname(filePath))}/${path.basename(filePath)}`
  return fail(
    'project_corrupt',
    `${name} in the project folder is a link to another place, and Omniboard reads only files inside the project.`,
    'Replace the link with the real file, then try again.',
  )
}
