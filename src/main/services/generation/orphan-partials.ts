import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Take } from '../../../shared/domain/project'
import { realFolder } from '../disk/contained-file'
import type { JobContext } from './job-context'
import { partialFileName, partialOwner } from './take-naming'
import { isFinalTake } from './take-journal'

/** A partial video is worth keeping while its take may still download it: the task exists and the file is not done. */
function stillWanted(take: Take, index: number): boolean {
  if (take.taskId === null || take.status === 'cancelled') return false
  const file = take.files.find((entry) => entry.index === index)
  if (file === undefined) return !isFinalTake(take)
  return file.fileName === null || take.status !== 'completed'
}

/**
 * Removes what interrupted downloads left in `takes/` that no take will resume: partial files (and their
 * `.json` notes) of takes that are gone, cancelled or finished, and the randomly named `.part` files older
 * versions left behind. Finished videos are never touched.
 */
export async function removeOrphanPartials(ctx: Pick<JobContext, 'session' | 'log'>): Promise<void> {
  const { takes } = ctx.session.project()
  const folder = path.dirname(ctx.session.takeFilePath(partialFileName('x', 0)))
  // takes/ was a real folder when the project opened; checked again, as it may have been swapped for a link since.
  const isRealFolder = await realFolder(ctx.session.dir, folder, { create: false }).then(() => true, () => false)
  if (!isRealFolder) return
  const names = await readdir(folder).catch(() => [])
  for (const name of names) {
    const partial = name.endsWith('.part.json') ? name.slice(0, -'.json'.length) : name
    if (!partial.endsWith('.part')) continue
    const owner = partialOwner(partial, takes)
    if (owner !== null && stillWanted(owner.take, owner.index)) continue
    await rm(path.join(folder, name), { force: true })
    ctx.log(`removed the unfinished download ${name}`)
  }
}
