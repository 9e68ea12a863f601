import { constants, promises as fs, type BigIntStats, type Stats } from 'node:fs'
import path from 'node:path'
import { fail } from '../../../shared/errors'
import { fileIdentity, type FileIdentity } from './file-identity'

// Windows has neither flag; there the lstat before opening is what refuses links and special files.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0
const NON_BLOCK = constants.O_NONBLOCK ?? 0

/** Never through a link at the last step, never waiting on a FIFO. */
const openReadOnly = (filePath: string): Promise<fs.FileHandle> => fs.open(filePath, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK)

/** `identity` is the opened file's own (fstat), so it names the very bytes the handle reads. */
export type ContainedFile = { handle: fs.FileHandle; size: number; filePath: string; identity: FileIdentity }

/**
 * The one door to a project's files. A project folder may come from anyone, so a file is opened only if it is a
 * regular file reached without following a link, on the project's own disk, inside the real project folder. Links,
 * FIFOs, sockets and devices are refused with `project_unsafe_file` naming the file; nothing is read from them
 * (a FIFO is never opened, so nothing can hang on it).
 */
export async function openContained(root: string, filePath: string): Promise<ContainedFile> {
  const name = await checkPathInside(root, filePath)
  const before = await fs.lstat(filePath)
  if (!before.isFile()) await refuseEntry(root, filePath, name, before)
  let handle: fs.FileHandle
  try {
    handle = await openReadOnly(filePath)
  } catch (cause) {
    // Swapped for a link or a socket between the look and the open.
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'ELOOP' || code === 'ENXIO') await refuseEntry(root, filePath, name, await fs.lstat(filePath))
    throw cause
  }
  try {
    const stat = await handle.stat({ bigint: true })
    if (!stat.isFile()) await refuseEntry(root, filePath, name, stat)
    if (stat.dev !== (await fs.stat(root, { bigint: true })).dev) refuseElsewhere(name)
    return { handle, size: Number(stat.size), filePath, identity: fileIdentity(stat) }
  } catch (cause) {
    await handle.close().catch(() => undefined)
    throw cause
  }
}

/**
 * Which file a project path names now, refused on the same terms as openContained but without opening it: what
 * knows a file's bytes by its identity (a probe kept from before) need not read them again to tell it is unchanged.
 */
export async function identifyContained(root: string, filePath: string): Promise<FileIdentity> {
  const name = await checkPathInside(root, filePath)
  const stat = await fs.lstat(filePath, { bigint: true })
  if (!stat.isFile()) await refuseEntry(root, filePath, name, stat)
  if (stat.dev !== (await fs.stat(root, { bigint: true })).dev) refuseElsewhere(name)
  return fileIdentity(stat)
}

/**
 * Opens again a project file that passed openContained or identifyContained moments before, only if it still is that
 * file: its identity (disk, inode, size, times) pins the very file the checks passed, so whatever was swapped in at
 * that path since — another file, a link, a pipe — is not it. Null when it is not (or is gone); nothing is read.
 */
export async function reopenContained(filePath: string, identity: FileIdentity): Promise<ContainedFile | null> {
  let handle: fs.FileHandle
  try {
    handle = await openReadOnly(filePath)
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ELOOP' || code === 'ENXIO') return null
    throw cause
  }
  const stat = await handle.stat({ bigint: true }).catch(async (cause: unknown) => {
    await handle.close().catch(() => undefined)
    throw cause
  })
  const now = fileIdentity(stat)
  if (stat.isFile() && now.key === identity.key) return { handle, size: Number(stat.size), filePath, identity: now }
  await handle.close()
  return null
}

/**
 * Opens a project file for writing in place (a download being resumed), made if missing, on the same terms as
 * openContained: a link, FIFO or folder standing at that name is refused, never written through.
 */
export async function openContainedForWriting(root: string, filePath: string, options: { truncate: boolean }): Promise<fs.FileHandle> {
  const name = await checkPathInside(root, filePath)
  const before = await fs.lstat(filePath).catch(() => null)
  if (before !== null && !before.isFile()) await refuseEntry(root, filePath, name, before)
  const flags = constants.O_RDWR | constants.O_CREAT | (options.truncate ? constants.O_TRUNC : 0) | NO_FOLLOW | NON_BLOCK
  let handle: fs.FileHandle
  try {
    handle = await fs.open(filePath, flags)
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'ELOOP' || code === 'ENXIO') await refuseEntry(root, filePath, name, await fs.lstat(filePath))
    throw cause
  }
  const stat = await handle.stat()
  if (!stat.isFile()) {
    await handle.close()
    await refuseEntry(root, filePath, name, stat)
  }
  return handle
}

/** Reads a whole project file that passes openContained; larger than `maxBytes` is refused before reading. */
export async function readContained(root: string, filePath: string, maxBytes: number): Promise<Buffer> {
  const file = await openContained(root, filePath)
  try {
    if (file.size > maxBytes) refuseTooLarge(projectRelativeName(root, filePath), maxBytes)
    return await file.handle.readFile()
  } finally {
    await file.handle.close()
  }
}

/** The size of a project file, refused on the same terms as reading it. */
export async function containedFileSize(root: string, filePath: string): Promise<number> {
  const file = await openContained(root, filePath)
  await file.handle.close()
  return file.size
}

/**
 * For tools that take a path (ffmpeg, mediabunny): the same path, once it passed openContained. The file was just
 * checked to be a plain file inside the project, so what the tool opens is that file.
 */
export async function containedPath(root: string, filePath: string): Promise<string> {
  await containedFileSize(root, filePath)
  return filePath
}

/**
 * Reads a project file front to back in chunks of exactly `chunkBytes` (the last may be shorter). Each chunk is
 * the same buffer, valid until the next one is asked for, so reading a large file keeps one chunk in memory.
 */
export async function* readContainedInChunks(root: string, filePath: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const { handle } = await openContained(root, filePath)
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

/**
 * A folder of the project (`takes`, `assets/originals`, `exports`…) that must be a real folder, checked before
 * anything is listed, written or deleted in it. A missing one is made when `create` is set; a link, a file or a
 * special file in its place is refused with a reason.
 */
export async function realFolder(root: string, folderPath: string, options: { create: boolean }): Promise<string> {
  const name = await checkPathInside(root, folderPath)
  const stat = await fs.lstat(folderPath).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') return null
    throw cause
  })
  if (stat === null) {
    if (!options.create) fail('project_not_found', `${name}/ is missing from the project folder.`, 'Open the project again to recreate it.')
    await fs.mkdir(folderPath)
    return folderPath
  }
  if (stat.isSymbolicLink()) await refuseEntry(root, folderPath, name, stat)
  if (!stat.isDirectory()) {
    fail('project_unsafe_file', `${name} in the project folder should be a folder, but it is ${kindOf(stat)}.`, `Move ${name} out of the project folder (Omniboard makes the folder again), then try again.`)
  }
  return folderPath
}

/** `takes/03.mp4`: a path as the user sees it inside the project, with forward slashes on every platform. */
export function projectRelativeName(root: string, filePath: string): string {
  return path.relative(path.resolve(root), path.resolve(filePath)).split(path.sep).join('/')
}

/**
 * The name of the file inside the project, once its path is inside the project's real folder: every folder between
 * the project and the file is a real folder, not a link (lstat, component by component).
 */
async function checkPathInside(root: string, filePath: string): Promise<string> {
  const base = path.resolve(root)
  const relative = path.relative(base, path.resolve(filePath))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    fail('project_unsafe_file', `${path.basename(filePath)} is outside the project folder.`, 'Omniboard reads and writes only inside the project you opened.')
  }
  const parts = relative.split(path.sep)
  let folder = base
  for (const part of parts.slice(0, -1)) {
    folder = path.join(folder, part)
    const stat = await fs.lstat(folder)
    if (!stat.isDirectory()) await refuseEntry(base, folder, projectRelativeName(base, folder), stat)
  }
  return parts.join('/')
}

async function refuseEntry(root: string, filePath: string, name: string, stat: Stats | BigIntStats): Promise<never> {
  if (stat.isSymbolicLink()) {
    // Where a chain of links ends, which is what the user needs to find; a broken chain shows its first step.
    const target = (await fs.realpath(filePath).catch(() => null)) ?? (await fs.readlink(filePath).catch(() => 'another place'))
    const shown = target.length > 160 ? `${target.slice(0, 157)}…` : target
    const realRoot = await fs.realpath(root).catch(() => path.resolve(root))
    const where = isWithin(realRoot, target) ? 'a link' : 'a link that leads out of it'
    return fail(
      'project_unsafe_file',
      `This project contains ${where}: ${name} → ${shown}. Omniboard does not follow links in projects.`,
      `Replace ${name} with the real file or folder (copy it into the project folder), then try again.`,
    )
  }
  return fail(
    'project_unsafe_file',
    `${name} in the project folder is ${kindOf(stat)}, not a plain file, and Omniboard reads only plain files in a project.`,
    `Remove ${name} from the project folder${path.dirname(name) === '.' ? '' : ' or replace it with the real file'}, then try again.`,
  )
}

const isWithin = (folder: string, target: string): boolean => {
  const relative = path.relative(folder, path.resolve(folder, target))
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function refuseElsewhere(name: string): never {
  return fail('project_unsafe_file', `${name} is on another disk than the project folder (a mount inside the project), and Omniboard does not follow it.`, 'Copy the file into the project folder itself, then try again.')
}

function refuseTooLarge(name: string, maxBytes: number): never {
  return fail('project_unsafe_file', `${name} is larger than Omniboard reads for such a file (${Math.round(maxBytes / 1_048_576)} MB).`, `Check that ${name} is the file it should be.`)
}

function kindOf(stat: Stats | BigIntStats): string {
  if (stat.isSymbolicLink()) return 'a link'
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  return 'a plain file'
}
