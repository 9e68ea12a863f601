import { writeExport } from '../disk/export-target'
import { projectFolderBaseName } from '../disk/project-folder'

/**
 * Writes a film into `<project>/exports/` as `<project name> <date>.mp4` and returns where. The encoder streams into a
 * temporary file there; the name appears only once the film is complete and on disk, and a failure or cancel removes
 * the temporary file, so no half-written film is ever left under the name a user would send. A film never replaces
 * another file, not even an earlier film of the day: that one stays and the new one is " (2)".
 */
export function writeFilm(projectDir: string, projectName: string, now: Date, write: (tempPath: string) => Promise<void>): Promise<string> {
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return writeExport(projectDir, `${projectFolderBaseName(projectName)} ${date}.mp4`, write, { replaceOwn: false })
}

const pad = (value: number): string => String(value).padStart(2, '0')
