import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openContained } from '../disk/contained-file'

export type LockOwner = { pid: number; hostname: string; createdAt: string; token?: string }
/** What an opener saw of a lock file: `generation` names this one lock file, never a later one. */
export type SeenLock = { owner: LockOwner | null; generation: string; mtimeMs: number }

const TOKEN_PATTERN = /^[\w-]{8,64}$/
const MAX_LOCK_BYTES = 4096

export async function readLockOwner(file: string): Promise<LockOwner | null> {
  return (await inspectLock(file))?.owner ?? null
}

function parseOwner(text: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(text)
    const owner = parsed as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string' ? (parsed as LockOwner) : null
  } catch {
    return null
  }
}

/**
 * Null when there is no lock file (any more). The mtime and the content come from one open file: a stat and a
 * read by name could mix an abandoned lock's age with the owner of the fresh lock that just replaced it.
 */
export async function inspectLock(file: string): Promise<SeenLock | null> {
  // A lock that is a link, a FIFO or a folder is refused with its reason; only a missing one means "no lock".
  const opened = await openContained(path.dirname(file), file).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') return null
    throw cause
  })
  if (opened === null) return null
  const { handle } = opened
  try {
    const stat = await handle.stat()
    // A real lock is a hundred bytes; a huge one is not ours and is not read whole.
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAX_LOCK_BYTES), 0, MAX_LOCK_BYTES, 0)
    const owner = parseOwner(buffer.subarray(0, bytesRead).toString('utf8'))
    // Locks written before tokens existed (or unreadable ones) are told apart by their inode.
    const generation = owner?.token !== undefined && TOKEN_PATTERN.test(owner.token) ? owner.token : `ino${stat.ino}-${stat.size}`
    return { owner, generation, mtimeMs: stat.mtimeMs }
  } finally {
    await handle.close()
  }
}

/**
 * A live holder refreshes the mtime, so an old mtime means abandoned whatever the PID says (it may belong to a new
 * process by now). A dead PID on this computer is abandoned at once; a live one, or one on another computer,
 * only once the lock went stale.
 */
export function isAbandoned(seen: SeenLock, staleMs: number): boolean {
  if (Date.now() - seen.mtimeMs > staleMs) return true
  if (seen.owner === null || seen.owner.hostname !== os.hostname()) return false
  return !isProcessAlive(seen.owner.pid)
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

const claimPrefix = (file: string, generation: string) => `${path.basename(file)}.takeover-${generation}-`

/**
 * Replaces an abandoned lock with ours. Deleting it and creating a new one would let two openers that both saw it
 * win in turn (the second deletes the first's fresh lock). Instead each stale lock file has its own claim, created
 * with O_EXCL: exactly one opener gets it and renames its own lock over the stale one. A claim whose claimant died
 * before finishing goes stale like a lock, and the next numbered claim is then open to one opener again.
 */
export async function takeOverStaleLock(file: string, candidate: string, seen: SeenLock, staleMs: number): Promise<'won' | 'lost' | 'changed'> {
  const prefix = path.join(path.dirname(file), claimPrefix(file, seen.generation))
  for (let round = 1; round <= 5; round++) {
    const claim = `${prefix}${round}`
    try {
      await fs.writeFile(claim, '', { flag: 'wx' })
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause
      const claimed = await fs.stat(claim).catch(() => null)
      if (claimed !== null && Date.now() - claimed.mtimeMs <= staleMs) return 'lost'
      continue
    }
    // The winner of an earlier claim may already have finished and cleared its claims: look again.
    const now = await inspectLock(file)
    if (now === null || now.generation !== seen.generation) {
      await fs.rm(claim, { force: true })
      return 'changed'
    }
    await fs.rename(candidate, file)
    // Other openers' candidate files stay: they may be about to link theirs.
    await removeClaims(file, (name) => name.includes('.takeover-'))
    return 'won'
  }
  return 'lost'
}

/** Claims and candidate files left by openers that crashed; only called while we hold the lock. */
export async function removeLeftovers(file: string, staleMs: number): Promise<void> {
  await removeClaims(file, (name, ageMs) => name.includes('.takeover-') || (name.endsWith('.new') && ageMs > staleMs)).catch(() => undefined)
}

async function removeClaims(file: string, shouldRemove: (name: string, ageMs: number) => boolean): Promise<void> {
  const dir = path.dirname(file)
  const base = `${path.basename(file)}.`
  for (const name of await fs.readdir(dir)) {
    if (!name.startsWith(base)) continue
    const full = path.join(dir, name)
    const stat = await fs.stat(full).catch(() => null)
    if (stat !== null && shouldRemove(name, Date.now() - stat.mtimeMs)) await fs.rm(full, { force: true })
  }
}
