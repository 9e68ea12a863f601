import { ProjectSchema, type Asset, type Project, type Take } from '../../../shared/domain/project'
import { AppErrorException, fail, isAppErrorException } from '../../../shared/errors'
import { readContained } from '../disk/contained-file'
import { tooDeeplyNestedAt } from './json-nesting'
import { migrateToCurrent, type RawProject } from './migrations'
import { assetFileName, pathInsideProject, thumbnailFileName } from '../disk/project-folder'
import { backupFilePath, projectFilePath } from './project-files'

/** Far above a real project (thousands of clips and takes are a few MB), and refused before it is read at all. */
const MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024
/** A valid project nests at most about 35 levels (a take's request snapshot up to 32 of them); deeper is refused unparsed. */
const MAX_PROJECT_JSON_DEPTH = 64

export type LoadedProject = {
  project: Project
  /** The exact bytes read, so a later save can tell whether another program changed the file. */
  bytes: Buffer
  migratedFrom: number | null
}

/** read → parse JSON → migrate step by step → validate → check every file name stays inside the folder. */
export async function loadProject(dir: string): Promise<LoadedProject> {
  const bytes = await readProjectBytes(dir)
  try {
    return { bytes, ...parseProject(bytes, dir) }
  } catch (cause) {
    if (isAppErrorException(cause) && cause.error.code === 'project_corrupt') {
      throw new AppErrorException({ ...cause.error, hint: await corruptHint(dir) })
    }
    throw cause
  }
}

export function parseProject(bytes: Buffer, dir: string): { project: Project; migratedFrom: number | null } {
  const tooDeep = tooDeeplyNestedAt(bytes, MAX_PROJECT_JSON_DEPTH)
  if (tooDeep !== null) fail('project_corrupt', `project.json is damaged: ${tooDeep} is nested too deeply (more than ${MAX_PROJECT_JSON_DEPTH} levels in the file).`, '')
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch (cause) {
    fail('project_corrupt', `project.json is not valid JSON (${(cause as Error).message}).`, '')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    fail('project_corrupt', 'project.json does not contain a project object.', '')
  }
  const { project: migrated, migratedFrom } = migrateToCurrent(parsed as RawProject)
  const result = ProjectSchema.safeParse(migrated)
  if (!result.success) failDamaged(result.error.issues)
  assertFilesStayInside(result.data, dir)
  return { project: result.data, migratedFrom }
}

/** Refuses a project by its first schema issue, named by where it is (`clips.3.prompt`); `at` prefixes a list item's path. */
export function failDamaged(issues: readonly { path: readonly PropertyKey[]; message: string }[], at: readonly PropertyKey[] = []): never {
  const issue = issues[0]
  const path = [...at, ...(issue?.path ?? [])]
  const where = path.length === 0 ? 'the project' : path.map(String).join('.')
  fail('project_corrupt', `project.json is damaged: ${where}: ${issue?.message ?? 'invalid'}.`, '')
}

async function readProjectBytes(dir: string): Promise<Buffer> {
  try {
    return await readContained(dir, projectFilePath(dir), MAX_PROJECT_FILE_BYTES)
  } catch (cause) {
    // Refused as too large, a link or a special file: already said in words.
    if (isAppErrorException(cause)) throw cause
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      fail('project_not_found', `There is no Omniboard project at ${dir}.`, 'It may have been moved, renamed or deleted. Open it from its new place.')
    }
    fail('project_corrupt', `project.json could not be read (${code ?? 'unknown error'}).`, 'Check that the disk is connected and the file is readable.')
  }
}

/** The schema already refuses unsafe names; this is the second lock on the same door, checked on real paths. */
function assertFilesStayInside(project: Project, dir: string): void {
  for (const asset of project.assets) assertAssetFilesInside(asset, dir)
  for (const take of project.takes) assertTakeFilesInside(take, dir)
}

export function assertAssetFilesInside(asset: Asset, dir: string): void {
  assertInside(dir, 'assets', assetFileName(asset.id, asset.mime))
  assertInside(dir, 'thumbs', thumbnailFileName(asset.id))
}

export function assertTakeFilesInside(take: Take, dir: string): void {
  for (const file of take.files) if (file.fileName !== null) assertInside(dir, 'takes', file.fileName)
}

function assertInside(dir: string, subfolder: Parameters<typeof pathInsideProject>[1], name: string): void {
  if (pathInsideProject(dir, subfolder, name) === null) {
    fail('project_corrupt', `project.json points to a file outside the project folder (${subfolder}/${name}).`, '')
  }
}

async function corruptHint(dir: string): Promise<string> {
  try {
    parseProject(await readContained(dir, backupFilePath(dir), MAX_PROJECT_FILE_BYTES), dir)
    return 'Omniboard has not changed the file. A good copy from the previous save is in project.json.bak in the project folder: close Omniboard, replace project.json with it, and open the project again.'
  } catch {
    return 'Omniboard has not changed the file. Restore project.json from a backup, or fix the part named above in a text editor.'
  }
}
