import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import { fail } from '../../../shared/errors'
import { diskException } from '../disk/disk-errors'
import { inspectLock, isAbandoned, readLockOwner, removeLeftovers, takeOverStaleLock, type LockOwner } from './lock-takeover'
import { lockFilePath } from './project-files'

export type ProjectLock = { release(): Promise<void> }
export type LockOptions = {
  /** How long a lock whose holder stopped refreshing it counts as held; a PID alone cannot tell (PIDs are reused). */
  staleMs?: number | undefined
}

export const DEFAULT_LOCK_STALE_MS = 30_000

/**
 * Stops two Omniboard windows or processes from writing the same project. The lock file appears complete and at
 * once (a hard link of a file already written), so exactly one opener wins; its holder refreshes its mtime, and a
 * lock nobody refreshed for `staleMs` — or left by a process on this computer that no longer runs — is taken over
 * by exactly one opener (see lock-takeover.ts).
 */
export async function acquireProjectLock(dir: string, now: () => Date, options: LockOptions = {}): Promise<ProjectLock> {
  const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), createdAt: now().toISOString(), token: randomUUID() }
  const file = lockFilePath(dir)
  const candidate = `${file}.${owner.token}.new`
  try {
    await fs.writeFile(candidate, JSON.stringify(owner), { flag: 'wx' })
  } catch (cause) {
    throw diskException(cause, 'the project lock')
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await linkIfAbsent(candidate, file)) return held(file, owner, staleMs)
      const seen = await inspectLock(file)
      // Released between our attempt and our look: try again.
      if (seen === null) continue
      if (!isAbandoned(seen, staleMs)) refuseLocked(seen.owner)
      const outcome = await takeOverStaleLock(file, candidate, seen, staleMs)
      if (outcome === 'won') return held(file, owner, staleMs)
      if (outcome === 'lost') refuseLocked(seen.owner)
    }
    return refuseLocked((await inspectLock(file))?.owner ?? null)
  } finally {
    await fs.rm(candidate, { force: true }).catch(() => undefined)
  }
}

/** link() fails when the name exists, atomically; folders that cannot hold hard links fall back to O_EXCL. */
async function linkIfAbsent(candidate: string, file: string): Promise<boolean> {
  try {
    await fs.link(candidate, file)
    return true
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw diskException(cause, 'the project lock')
  }
  try {
    await fs.writeFile(file, await fs.readFile(candidate), { flag: 'wx' })
    return true
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw diskException(cause, 'the project lock')
  }
}

function held(file: string, owner: LockOwner, staleMs: number): ProjectLock {
  void removeLeftovers(file, staleMs)
  const refresh = setInterval(() => void touchIfOurs(file, owner), Math.max(50, Math.floor(staleMs / 3)))
  refresh.unref()
  return {
    /** Never fails: a lock that could not be removed is no longer refreshed, so it goes stale and is taken over. */
    async release() {
      clearInterval(refresh)
      if ((await readLockOwner(file))?.token === owner.token) await fs.rm(file, { force: true }).catch(() => undefined)
    },
  }
}

async function touchIfOurs(file: string, owner: LockOwner): Promise<void> {
  try {
    if ((await readLockOwner(file))?.token !== owner.token) return
    const now = new Date()
    await fs.utimes(file, now, now)
  } catch {
    // A missed refresh is made up by the next one; the lock only goes stale after several in a row.
  }
}

function refuseLocked(holder: LockOwner | null): never {
  const elsewhere = holder !== null && holder.hostname !== os.hostname() ? ` on ${holder.hostname}` : ''
  fail(
    'project_locked',
    `This project is open in another Omniboard window or process${elsewhere}.`,
    'Switch to that window, or close it there first. A lock left by a crash is taken over by itself within a minute.',
  )
}
