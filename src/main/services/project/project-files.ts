import path from 'node:path'

/** The project's own files: the folder's suffix, project.json, its backup and the lock beside them. */
export const PROJECT_FOLDER_SUFFIX = '.omniboard'
export const PROJECT_FILE = 'project.json'
const BACKUP_FILE = 'project.json.bak'
const LOCK_FILE = '.omniboard.lock'

export const projectFilePath = (dir: string): string => path.join(dir, PROJECT_FILE)
export const backupFilePath = (dir: string): string => path.join(dir, BACKUP_FILE)
export const lockFilePath = (dir: string): string => path.join(dir, LOCK_FILE)
