import path from 'node:path'

/** The layout of a project folder: its sub-folders and the names of the files other services keep in them. */
export const projectSubfolders = ['assets', 'thumbs', 'takes'] as const
/** `audio/` (sound files for the lanes) is made on the first import only, so projects without sound stay as they were. */
export type ProjectSubfolder = (typeof projectSubfolders)[number] | 'audio'

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
