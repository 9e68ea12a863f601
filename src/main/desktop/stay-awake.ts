import type { StayAwake } from '../services/stay-awake'

/** Electron's powerSaveBlocker, as far as we use it. */
export type PowerBlocker = {
  start(type: 'prevent-app-suspension'): number
  stop(id: number): void
}

/**
 * A laptop that sleeps during a 60 MB upload leaves a take that "may have been charged", and one that sleeps
 * during an export leaves no film. The blocker is taken when the first piece of work starts and released when the
 * last one settles — fulfilled, rejected or aborted alike — so it can never be left held.
 */
export function createStayAwake(blocker: PowerBlocker): StayAwake {
  let running = 0
  let blockerId: number | null = null
  return async (work) => {
    if (running++ === 0) blockerId = blocker.start('prevent-app-suspension')
    try {
      return await work()
    } finally {
      if (--running === 0 && blockerId !== null) {
        blocker.stop(blockerId)
        blockerId = null
      }
    }
  }
}
