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
   * Journals new takes in one save (one queue action). If they cannot be saved, they are marked failed (never
   * sent) wherever they still sit in memory, so no later save can write them as waiting, and the error says so.
   */
  addAll(takes: readonly Take[]): Promise<Take[]>
  /** Applies `change` to each of these takes in one save, whatever their status. */
  updateAll(takeIds: ReadonlySet<string>, change: (take: Take) => Take): Promise<Take[]>
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

  async function updateAll(takeIds: ReadonlySet<string>, change: (take: Take) => Take): Promise<Take[]> {
    const changed: Take[] = []
    await session.updateEngineState((state) => ({
      ...state,
      takes: state.takes.map((take) => {
        if (!takeIds.has(take.id)) return take
        const next = change(take)
        if (next === take) return take
        const stamped = stamp(next)
        changed.push(stamped)
        return stamped
      }),
    }))
    for (const take of changed) emit('take:updated', { take })
    return changed
  }

  return {
    find,
    get(takeId) {
      return find(takeId) ?? fail('not_found', 'This take is no longer in the project.', 'Reopen the project and try again.')
    },
    async addAll(takes) {
      const added = new Set(takes.map((take) => take.id))
      try {
        await session.updateEngineState((state) => ({ ...state, takes: [...state.takes, ...takes] }))
      } catch (error) {
        if (!isAppErrorException(error) || !takes.every((take) => find(take.id) !== undefined)) throw error
        const why = notJournaled(error.error)
        await updateAll(added, (current) => ({ ...current, status: 'failed', error: why, finishedAt: current.updatedAt })).catch(() => undefined)
        throw new AppErrorException(why)
      }
      for (const take of takes) emit('take:updated', { take })
      return [...takes]
    },
    updateAll,
    update,
    advance: (takeId, change) => update(takeId, (take) => (isFinalTake(take) ? take : change(take))),
  }
}

/** The save's own code and hint (a full disk says to free space) with the one fact that matters for money. */
const notJournaled = (error: AppError): AppError => ({
  ...error,
  message: `Omniboard could not record this take in the project, so it did not send it and nothing was charged. ${error.message}`,
})
