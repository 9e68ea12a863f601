// What take files hold, remembered in memory by file identity, so Play film and then Export read each file once.
import path from 'node:path'
import type { TakeMedia } from '../../../shared/cut/cut-plan'
import { identifyContained } from '../disk/contained-file'
import { settledBy } from '../disk/file-identity'
import { probeTake, type ProbedTake } from './probe-video'

/**
 * Two feature films' worth of takes. Each keeps its sample tables, so the bound is what holds their memory in
 * check; past it the longest-kept are forgotten first.
 */
const MAX_REMEMBERED = 3_000

/**
 * What the takes' files hold, remembered for the app's session (in memory, never on disk) by the identity of each
 * file as the kernel keeps it. Play film asks for the whole cut each time it opens, and an export after it again;
 * a take whose file is the same one probed before (same disk, inode, size, mtime and ctime, looked up with an
 * `lstat`) is not read again. Nothing a project folder holds is part of the key: ctime and the inode are set by the
 * kernel, so a file that was written, replaced or had its mtime set back since its probe is probed again, and only
 * what this process read itself is remembered.
 */
export interface TakeProbes {
  /** What probeTake reads from the take's file: its media (probeVideo's answer) and its decoder configurations. */
  take(root: string, filePath: string): Promise<ProbedTake>
  /** Only the media: what probeVideo reads. */
  media(root: string, filePath: string): Promise<TakeMedia>
}

export function createTakeProbes(deps: { now: () => number } = { now: Date.now }): TakeProbes {
  const remembered = new Map<string, ProbedTake>()

  /** The remembered probe of the file now at `filePath`, if it is the file that was probed. */
  async function known(root: string, filePath: string): Promise<ProbedTake | null> {
    const key = path.resolve(filePath)
    const probed = remembered.get(key)
    if (!probed) return null
    // A file that cannot be looked at now is probed again, which says why it is refused.
    const identity = await identifyContained(root, filePath).catch(() => null)
    if (identity?.key === probed.identity.key) return probed
    remembered.delete(key)
    return null
  }

  function remember(filePath: string, probed: ProbedTake, lookedAt: number): void {
    // A file written moments before its probe could be written again without its identity changing.
    if (!settledBy(probed.identity, lookedAt)) return
    const key = path.resolve(filePath)
    remembered.set(key, probed)
    if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!)
  }

  const take = async (root: string, filePath: string): Promise<ProbedTake> => {
    const probed = await known(root, filePath)
    if (probed) return probed
    const lookedAt = deps.now()
    const fresh = await probeTake(root, filePath)
    remember(filePath, fresh, lookedAt)
    return fresh
  }
  return { take, media: async (root, filePath) => (await take(root, filePath)).media }
}
