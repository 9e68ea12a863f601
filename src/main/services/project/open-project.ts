import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createClip } from '../../../shared/domain/edits'
import { defaultProjectDefaults, PROJECT_SCHEMA_VERSION, type Project, type ProjectDefaults } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { nodeDurableFs, TEMP_FILE_PATTERN, writeFileAtomic } from '../disk/atomic-write'
import { realFolder } from '../disk/contained-file'
import { diskException } from '../disk/disk-errors'
import { defaultSessionDeps, FileProjectSession, type SessionDeps } from './file-project-session'
import { loadProject } from './load-project'
import { projectFolderBaseName, projectSubfolders } from '../disk/project-folder'
import { PROJECT_FILE, PROJECT_FOLDER_SUFFIX, projectFilePath } from './project-files'
import { acquireProjectLock } from './project-lock'
import { toStableJson } from './stable-json'

// A project folder holds a few thousand files; one with millions is not looked through on open.
const MAX_LISTED_NAMES = 100_000

/** Opens a project folder for writing. Fails with project_locked while another window or process has it open. */
export async function openProjectSession(dir: string, deps: SessionDeps = defaultSessionDeps): Promise<FileProjectSession> {
  const root = await projectRoot(dir)
  const lock = await acquireProjectLock(root, deps.now, { staleMs: deps.lockStaleMs })
  try {
    const loaded = await loadProject(root)
    // Folders are checked before anything in them is listed or deleted.
    await ensureSubfolders(root)
    await removeInterruptedWrites(root)
    return new FileProjectSession(root, loaded, lock, deps)
  } catch (cause) {
    await lock.release()
    throw cause
  }
}

/**
 * Creates `<parentDir>/<Name>.omniboard/` and opens it. An existing folder is never reused: a taken name gets
 * a number ("Name 2.omniboard"). The new project holds one empty clip so the editor opens on slots to fill.
 */
export async function createProject(
  parentDir: string,
  name: string,
  deps: SessionDeps = defaultSessionDeps,
  defaults: ProjectDefaults = defaultProjectDefaults,
): Promise<FileProjectSession> {
  const displayName = name.trim().slice(0, 200) || 'Untitled'
  const dir = await makeFreshFolder(path.resolve(parentDir), projectFolderBaseName(displayName))
  try {
    await ensureSubfolders(dir)
    await writeFileAtomic(projectFilePath(dir), Buffer.from(toStableJson(newProject(displayName, deps, defaults))), deps.disk ?? nodeDurableFs)
  } catch (cause) {
    // The folder was made a moment ago and holds nothing of the user's yet.
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined)
    throw diskException(cause, 'the new project')
  }
  return openProjectSession(dir, deps)
}

export function newProject(name: string, deps: Pick<SessionDeps, 'now' | 'newId'>, projectDefaults: ProjectDefaults = defaultProjectDefaults): Project {
  const now = deps.now().toISOString()
  const defaults = { ...projectDefaults }
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    id: deps.newId(),
    name,
    createdAt: now,
    updatedAt: now,
    defaults,
    clips: [createClip(defaults, deps.newId())],
    assets: [],
    elements: [],
    takes: [],
  }
}

async function projectRoot(dir: string): Promise<string> {
  const resolved = path.resolve(dir)
  const stat = await fs.stat(resolved).catch(() => null)
  // Double-clicking project.json in a file manager should open its project.
  if (stat?.isFile() === true && path.basename(resolved) === PROJECT_FILE) return path.dirname(resolved)
  if (stat?.isDirectory() !== true) {
    fail('project_not_found', `There is no Omniboard project at ${resolved}.`, 'It may have been moved, renamed or deleted. Open it from its new place.')
  }
  return resolved
}

async function makeFreshFolder(parentDir: string, baseName: string): Promise<string> {
  try {
    await fs.mkdir(parentDir, { recursive: true })
    for (let n = 1; n < 1000; n++) {
      const dir = path.join(parentDir, `${n === 1 ? baseName : `${baseName} ${n}`}${PROJECT_FOLDER_SUFFIX}`)
      try {
        // Not recursive: mkdir failing with EEXIST is how a taken name is noticed, even in a race.
        await fs.mkdir(dir)
        return dir
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause
      }
    }
  } catch (cause) {
    throw diskException(cause, 'the new project')
  }
  return fail('disk_error', `Could not find a free folder name for "${baseName}".`, 'Choose another name or folder.')
}

/**
 * Git does not keep empty folders, so a cloned project may lack them. A sub-folder that is a link is refused:
 * Omniboard writes only inside the project folder, never through a link to somewhere else.
 */
async function ensureSubfolders(dir: string): Promise<void> {
  for (const subfolder of projectSubfolders) await realFolder(dir, path.join(dir, subfolder), { create: true })
}

/**
 * Temporary files of saves cut short by a crash; only ever ours, recognisable by their suffix. Only plain files
 * and links go (removing a link never touches what it points to); anything else is left for the user to see.
 */
async function removeInterruptedWrites(dir: string): Promise<void> {
  for (const folder of [dir, ...projectSubfolders.map((sub) => path.join(dir, sub))]) {
    const names = await fs.readdir(folder).catch(() => [])
    for (const name of names.slice(0, MAX_LISTED_NAMES)) {
      if (!TEMP_FILE_PATTERN.test(name)) continue
      const stat = await fs.lstat(path.join(folder, name)).catch(() => null)
      if (stat?.isFile() === true || stat?.isSymbolicLink() === true) await fs.rm(path.join(folder, name), { force: true })
    }
  }
}
