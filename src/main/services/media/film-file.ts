import { promises as fs } from 'node:fs'
import path from 'node:path'
import { nodeDurableFs, tempPathFor, type DurableFs } from '../project/atomic-write'
import { projectFolderBaseName } from '../project/project-folder'

/** `<project>/exports/<project name> <date>.mp4`, with " (2)", " (3)"… when a film of that day is already there. */
export async function filmFilePath(projectDir: string, projectName: string, now: Date): Promise<string> {
  const dir = path.join(projectDir, 'exports')
  await fs.mkdir(dir, { recursive: true })
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  const base = `${projectFolderBaseName(projectName)} ${date}`
  for (let copy = 1; ; copy++) {
    const candidate = path.join(dir, `${base}${copy === 1 ? '' : ` (${copy})`}.mp4`)
    if (!(await exists(candidate))) return candidate
  }
}

/**
 * Writes a film the way writeFileAtomic writes a project, except that the encoder streams into the temporary file
 * itself: the final name appears only once the file is complete and on disk, and a failure or cancel removes the
 * temporary file, so no half-written film is ever left under the name a user would send.
 */
export async function writeFilmAtomic(target: string, write: (tempPath: string) => Promise<void>, disk: DurableFs = nodeDurableFs): Promise<void> {
  const temp = tempPathFor(target)
  try {
    await write(temp)
    const handle = await fs.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await disk.rename(temp, target)
  } catch (cause) {
    await disk.remove(temp).catch(() => undefined)
    throw cause
  }
  await disk.syncDirectory(path.dirname(target))
}

const pad = (value: number): string => String(value).padStart(2, '0')

const exists = (file: string): Promise<boolean> => fs.access(file).then(() => true, () => false)
