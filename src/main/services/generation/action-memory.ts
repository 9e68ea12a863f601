import type { Take } from '../../../shared/domain/project'

/**
 * "One user action, at most one paid take": a start carrying an action id already seen is answered with the take
 * that action made. Starts still being prepared are remembered here; finished ones are found on the takes
 * themselves (`actionId` is journaled with the take), so a repeat after a restart is answered too.
 */
export interface ActionMemory {
  once(actionId: string | undefined, start: () => Promise<Take>): Promise<Take>
}

export function createActionMemory(takeMadeBy: (actionId: string) => Take | undefined): ActionMemory {
  const preparing = new Map<string, Promise<Take>>()
  return {
    once(actionId, start) {
      if (actionId === undefined) return start()
      const made = takeMadeBy(actionId)
      if (made) return Promise.resolve(made)
      const inFlight = preparing.get(actionId)
      if (inFlight) return inFlight
      const started = start().finally(() => preparing.delete(actionId))
      preparing.set(actionId, started)
      return started
    },
  }
}
