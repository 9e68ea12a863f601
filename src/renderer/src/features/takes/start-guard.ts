import { useSyncExternalStore } from 'react'

/**
 * One press of Generate (button or Ctrl/Cmd+Enter) at a time per clip. A clip stays guarded while its start
 * is in flight and for at least `doublePressMs` after the press: a second press that soon is a double press,
 * not a wish for a second paid take. The main process dedupes repeats of one action id on top of this.
 */
export const doublePressMs = 800

const guarded = new Set<string>()
const listeners = new Set<() => void>()
const notify = (): void => listeners.forEach((listener) => listener())

/** Runs `start` unless the clip is guarded; resolves false when the press was ignored. */
export async function guardStart(clipId: string, start: () => Promise<void>): Promise<boolean> {
  if (guarded.has(clipId)) return false
  guarded.add(clipId)
  notify()
  const held = new Promise((resolve) => setTimeout(resolve, doublePressMs))
  try {
    await start()
  } finally {
    await held
    guarded.delete(clipId)
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
  return useSyncExternalStore(subscribe, () => guarded.has(clipId))
}
