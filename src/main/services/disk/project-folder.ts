import path from 'node:path'

/** Everything that decides where a project's files live on disk, in one place. */
export const PROJECT_FOLDER_SUFFIX = '.omniboard'
export const PROJECT_FILE = 'project.json'
export const BACKUP_FILE = 'project.json.bak'
export const LOCK_FILE = '.omniboard.lock'
export const projectSubfolders = ['assets', 'thumbs', 'takes'] as const
/** `audio/` (sound files for the lanes) is made on the first import only, so projects without sound stay as they were. */
export type ProjectSubfolder = (typeof projectSubfolders)[number] | 'audio'

export const projectFilePath = (dir: string): string => path.join(dir, PROJECT_FILE)
export const backupFilePath = (dir: string): string => path.join(dir, BACKUP_FILE)
export const lockFilePath = (dir: string): string => path.join(dir, LOCK_FILE)

/**
 * Resolves a file name inside one of the project's sub-folders. Names come from project.json, which anyone can
 * edit, so a name that would land outside the folder is refused rather than trusted.
 */
export function pathInsideProject(dir: string, subfolder: ProjectSubfolder, fileName: string): string | null {
  const base = path.resolve(dir, subfolder)
  const resolved = path.resolve(base, fileName)
  if (fileName.length === 0 || path.dirname(resolved) !== base) return null
  return resolved
}

export function requirePathInsideProject(dir: string, subfolder: ProjectSubfolder, fileName: string): string {
  const resolved = pathInsideProject(dir, subfolder, fileName)
  if (resolved === null) throw new Error(`"${fileName}" is not a plain file name inside ${subfolder}/`)
  return resolved
}

export const assetFileName = (assetId: string, mime: 'image/png' | 'image/jpeg'): string =>
  `${assetId}.${mime === 'image/png' ? 'png' : 'jpg'}`
export const thumbnailFileName = (assetId: string): string => `${assetId}.webp`

const windowsReservedNames = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

/** A folder name that is legal on Windows, macOS and Linux, so a project can be copied between them. */
export function projectFolderBaseName(projectName: string): string {
  const cleaned = [...projectName]
    .map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? ' ' : char))
    .join('')
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100)
    .trim()
  if (cleaned.length === 0) return 'Untitled'
  return windowsReservedNames.test(cleaned) ? `${cleaned}_` : cleaned
}
