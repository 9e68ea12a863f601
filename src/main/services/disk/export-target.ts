import { promises as fs, type BigIntStats } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { fail } from '../../../shared/errors'
import { nodeDurableFs, syncFile, tempPathFor, writeFileAtomic } from './atomic-write'
import { readContained, realFolder } from './contained-file'

/** Hand-off files and films go next to the project's own folders, so an .otio's relative paths to `../takes/` resolve. */
export const exportsFolder = (root: string): string => path.join(root, 'exports')

/** Which files in exports/ the app wrote, by name and identity, so a re-export replaces only those. */
const RECORD_FILE = '.omniboard-exports.json'
// The record lives in a folder anyone may have filled, so it is read bounded and validated like any input.
const MAX_RECORD_BYTES = 256 * 1024
const MAX_RECORDED = 200
const MAX_COPIES = 1000
const digits = z.string().regex(/^\d{1,40}$/)
const RecordedFileSchema = z.object({ name: z.string().min(1).max(255), ino: digits, size: digits, mtimeNs: digits })
const ExportRecordSchema = z.object({ files: z.array(RecordedFileSchema).max(MAX_RECORDED) })
type RecordedFile = z.infer<typeof RecordedFileSchema>

let recording: Promise<unknown> = Promise.resolve()

/**
 * Writes a default export into `<project>/exports/`, which must be a real folder (a link or a file there is refused
 * with project_unsafe_file). `write` fills a temporary file in that folder (an encoder may stream into it); once it
 * is complete and on disk it takes `fileName`, or " (2)", " (3)"… when that name holds anything the app did not write:
 * a user's file is never overwritten and a link there is never followed. With `replaceOwn` the app's own previous
 * export of that name is replaced, so the editor's timeline keeps pointing at one file. Returns the path written.
 */
export async function writeExport(root: string, fileName: string, write: (tempPath: string) => Promise<void>, options: { replaceOwn: boolean }): Promise<string> {
  const folder = await realFolder(root, exportsFolder(root), { create: true })
  const temp = tempPathFor(path.join(folder, fileName))
  let target: string
  try {
    await write(temp)
    await syncFile(temp)
    // A film takes minutes to encode: the folder may have been swapped for a link meanwhile.
    await realFolder(root, folder, { create: false })
    target = await place(root, folder, temp, fileName, options.replaceOwn)
  } catch (cause) {
    await nodeDurableFs.remove(temp).catch(() => undefined)
    throw cause
  }
  await nodeDurableFs.syncDirectory(folder)
  if (options.replaceOwn) {
    // The export is in place; without the record the next one only takes a new name.
    recording = recording.then(() => remember(root, folder, target)).catch(() => undefined)
    await recording
  }
  return target
}

async function place(root: string, folder: string, temp: string, fileName: string, replaceOwn: boolean): Promise<string> {
  const own = replaceOwn ? await readRecord(root, folder) : []
  const { name: base, ext } = path.parse(fileName)
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const name = `${base}${copy === 1 ? '' : ` (${copy})`}${ext}`
    const target = path.join(folder, name)
    const entry = await lstatOrNull(target)
    if (entry === null && (await claimFreeName(temp, target))) return target
    if (entry !== null && isOwn(own, name, entry)) {
      await nodeDurableFs.rename(temp, target)
      return target
    }
  }
  return fail('export_failed', `exports/ already holds ${MAX_COPIES} files named like ${fileName}.`, 'Move some of them out of the exports folder, then export again.')
}

/**
 * Gives the temporary file `target` as its name only while nothing has that name: link(2) never replaces and never
 * follows what is there. A disk without hard links (FAT, some network shares) gets a rename right after the name is
 * seen to be still free.
 */
async function claimFreeName(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST' || (await lstatOrNull(target)) !== null) return false
    await nodeDurableFs.rename(temp, target)
    return true
  }
  await fs.rm(temp, { force: true })
  return true
}

const isOwn = (own: readonly RecordedFile[], name: string, entry: BigIntStats): boolean =>
  entry.isFile() && own.some((file) => file.name === name && sameIdentity(file, identityOf(entry)))

const identityOf = (entry: BigIntStats): Omit<RecordedFile, 'name'> => ({ ino: String(entry.ino), size: String(entry.size), mtimeNs: String(entry.mtimeNs) })
const sameIdentity = (a: Omit<RecordedFile, 'name'>, b: Omit<RecordedFile, 'name'>): boolean => a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs

/** A record that is missing, damaged, too large or a link claims nothing: every export then takes a free name. */
async function readRecord(root: string, folder: string): Promise<RecordedFile[]> {
  try {
    const bytes = await readContained(root, path.join(folder, RECORD_FILE), MAX_RECORD_BYTES)
    const parsed = ExportRecordSchema.safeParse(JSON.parse(bytes.toString('utf8')))
    return parsed.success ? parsed.data.files : []
  } catch {
    return []
  }
}

async function remember(root: string, folder: string, target: string): Promise<void> {
  const name = path.basename(target)
  const written = { name, ...identityOf(await fs.lstat(target, { bigint: true })) }
  const files = [...(await readRecord(root, folder)).filter((file) => file.name !== name), written].slice(-MAX_RECORDED)
  // The rename replaces whatever is at the record's name (a link included) rather than writing through it.
  await writeFileAtomic(path.join(folder, RECORD_FILE), Buffer.from(`${JSON.stringify({ files })}\n`))
}

const lstatOrNull = (filePath: string): Promise<BigIntStats | null> =>
  fs.lstat(filePath, { bigint: true }).catch((cause: NodeJS.ErrnoException) => (cause.code === 'ENOENT' ? null : Promise.reject(cause)))
