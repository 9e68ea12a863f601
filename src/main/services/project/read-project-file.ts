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
