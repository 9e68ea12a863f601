import { promises as fs } from 'node:fs'
import path from 'node:path'
import { writeFileAtomic, type DurableFs } from '../disk/atomic-write'

/** `project.changed-2026-12-01T0912.json`: sorts by time beside project.json and says what it is. */
export function conflictCopyName(at: Date, n = 1): string {
  const stamp = at.toISOString().slice(0, 16).replace(':', '')
  return `project.changed-${stamp}${n === 1 ? '' : `-${n}`}.json`
}

/**
 * Keeps the other program's project.json before Omniboard writes its own version over it. Never replaces an
 * earlier copy: a second conflict in the same minute gets a numbered name.
 */
export async function keepConflictCopy(dir: string, bytes: Uint8Array, at: Date, disk: DurableFs): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const name = conflictCopyName(at, n)
    const taken = await fs.lstat(path.join(dir, name)).then(() => true, () => false)
    if (taken) continue
    await writeFileAtomic(path.join(dir, name), bytes, disk)
    return name
  }
  throw new Error('too many copies of project.json from the same minute')
}
