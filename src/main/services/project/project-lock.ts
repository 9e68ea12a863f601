import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import { fail } from '../../../shared/errors'
import { diskException } from './disk-errors'
import { lockFilePath } from './project-folder'

type LockOwner = { pid: number; hostname: string; createdAt: string; token?: string }
export type ProjectLock = { release(): Promise<void> }

/** A lock file that cannot be read may be one being written right now; only an old one counts as abandoned. */
const UNREADABLE_LOCK_GRACE_MS = 10_000

/**
 * Stops two Omniboard windows or processes from writing the same project. The lock file is created with
 * O_EXCL, so exactly one opener wins; a lock left by a crashed process on this computer is taken over.
 */
export async function acquireProjectLock(dir: string, now: () => Date): Promise<ProjectLock> {
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), createdAt: now().toISOString(), token: randomUUID() }
  const file = lockFilePath(dir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(owner), { flag: 'wx' })
      return { release: () => releaseIfOurs(file, owner) }
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw diskException(cause, 'the project lock')
    }
    const holder = await readLock(file)
    if (!(await isAbandoned(file, holder))) refuseLocked(holder)
    // Two openers may both see the same stale lock; the O_EXCL create on the next attempt still lets only one win.
    await fs.rm(file, { force: true })
  }
  return refuseLocked(await readLock(file))
}

function refuseLocked(holder: LockOwner | null): never {
  const elsewhere = holder !== null && holder.hostname !== os.hostname() ? ` on ${holder.hostname}` : ''
  fail(
    'project_locked',
    `This project is open in another Omniboard window or process${elsewhere}.`,
    'Switch to that window, or close it there first. If it crashed on another computer, delete .omniboard.lock in the project folder.',
  )
}

async function readLock(file: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'))
    const owner = parsed as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string' ? (parsed as LockOwner) : null
  } catch {
    return null
  }
}

async function isAbandoned(file: string, holder: LockOwner | null): Promise<boolean> {
  if (holder === null) {
    const stat = await fs.stat(file).catch(() => null)
    return stat === null || Date.now() - stat.mtimeMs > UNREADABLE_LOCK_GRACE_MS
  }
  // A process on another computer cannot be checked from here, so its lock is respected.
  if (holder.hostname !== os.hostname()) return false
  return !isProcessAlive(holder.pid)
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

async function releaseIfOurs(file: string, owner: LockOwner): Promise<void> {
  const holder = await readLock(file)
  if (holder !== null && holder.token === owner.token) await fs.rm(file, { force: true })
}
