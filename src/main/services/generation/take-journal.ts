import { finalTakeStatuses, type Take } from '../../../shared/domain/project'
import { AppErrorException, fail, isAppErrorException, type AppError } from '../../../shared/errors'
import type { ProjectSession } from '../project/project-session'
import type { Emit } from './engine-deps'

export const isFinalTake = (take: Take): boolean => finalTakeStatuses.includes(take.status)

/**
 * Every change to a take goes through here: written durably first, then announced. A job's own updates use
 * `advance`, which leaves a take the user has cancelled alone except for facts that must never be lost (a task
 * id, result URLs), so a late answer from MuleRouter cannot revive a cancelled take.
 */
export interface TakeJournal {
  find(takeId: string): Take | undefined
  get(takeId: string): Take
  /**
   * Journals a new take. If it cannot be saved, the take is marked failed (never sent) wherever it still sits in
   * memory, so no later save can write it as waiting to be sent, and the error says nothing was sent.
   */
  add(take: Take): Promise<Take>
  /** Applies `change` to the current take, whatever its status. */
  update(takeId: string, change: (take: Take) => Take): Promise<Take>
  /** Applies `change` only while the take is not final. */
  advance(takeId: string, change: (take: Take) => Take): Promise<Take>
}

export function createTakeJournal(session: ProjectSession, emit: Emit, now: () => number): TakeJournal {
  const stamp = (take: Take): Take => ({ ...take, updatedAt: new Date(now()).toISOString() })
  const find = (takeId: string): Take | undefined => session.project().takes.find((take) => take.id === takeId)

  async function update(takeId: string, change: (take: Take) => Take): Promise<Take> {
    let changed = false
    const written = await session.updateTake(takeId, (take) => {
      const next = change(take)
      changed = next !== take
      return changed ? stamp(next) : take
    })
    if (changed) emit('take:updated', { take: written })
    return written
  }

  return {
    find,
    get(takeId) {
      return find(takeId) ?? fail('not_found', 'This take is no longer in the project.', 'Reopen the project and try again.')
    },
    async add(take) {
      const existed = find(take.id) !== undefined
      try {
        await session.addTake(take)
      } catch (error) {
        if (existed || !isAppErrorException(error)) throw error
        const why = notJournaled(error.error)
        await update(take.id, (current) => ({ ...current, status: 'failed', error: why, finishedAt: current.updatedAt })).catch(() => undefined)
        throw new AppErrorException(why)
      }
      emit('take:updated', { take })
      return take
    },
    update,
    advance: (takeId, change) => update(takeId, (take) => (isFinalTake(take) ? take : change(take))),
  }
}

/** The save's own code and hint (a full disk says to free space) with the one fact that matters for money. */
const notJournaled = (error: AppError): AppError => ({
  ...error,
  message: `Omniboard could not record this take in the project, so it did not send it and nothing was charged. ${error.message}`,
})
