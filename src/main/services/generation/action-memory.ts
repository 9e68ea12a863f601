import type { Take } from '../../../shared/domain/project'

/**
 * "One user action, at most one set of paid takes": a queue action carrying an action id already seen is answered
 * with the takes that action made. Actions still being prepared are remembered here; finished ones are found on
 * the takes themselves (`actionId` is journaled with each take), so a repeat after a restart is answered too.
 */
export interface ActionMemory {
  once(actionId: string | undefined, start: () => Promise<Take[]>): Promise<Take[]>
}

export function createActionMemory(takesMadeBy: (actionId: string) => Take[]): ActionMemory {
  const preparing = new Map<string, Promise<Take[]>>()
  return {
    once(actionId, start) {
      if (actionId === undefined) return start()
      const made = takesMadeBy(actionId)
      if (made.length > 0) return Promise.resolve(made)
      const inFlight = preparing.get(actionId)
      if (inFlight) return inFlight
      const started = start().finally(() => preparing.delete(actionId))
      preparing.set(actionId, started)
      return started
    },
  }
}
