import { useSyncExternalStore } from 'react'
import { newId } from '../../../../../shared/domain/ids'

/**
 * One press of Generate (button or Ctrl/Cmd+Enter) at a time per clip: further presses are ignored while a start
 * is in flight. A press within `doublePressMs` of the previous one is a double press, not a wish for a second
 * paid take: it reuses that press's action id, and the main process answers it with the take already made.
 */
export const doublePressMs = 800

const inFlight = new Set<string>()
const lastPress = new Map<string, { actionId: string; at: number }>()
const listeners = new Set<() => void>()
const notify = (): void => listeners.forEach((listener) => listener())

function actionIdFor(clipId: string): string {
  const now = Date.now()
  const last = lastPress.get(clipId)
  const actionId = last && now - last.at < doublePressMs ? last.actionId : newId()
  lastPress.set(clipId, { actionId, at: now })
  return actionId
}

/** Runs `start` with this press's action id unless a start for the clip is in flight; false when ignored. */
export async function guardStart(clipId: string, start: (actionId: string) => Promise<void>): Promise<boolean> {
  if (inFlight.has(clipId)) return false
  inFlight.add(clipId)
  notify()
  try {
    await start(actionIdFor(clipId))
  } finally {
    inFlight.delete(clipId)
    notify()
  }
  return true
}

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether a Generate press for this clip is being handled, for the button's busy state. */
export function useStartGuarded(clipId: string): boolean {
  return useSyncExternalStore(subscribe, () => inFlight.has(clipId))
}
