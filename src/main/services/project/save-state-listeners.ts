import type { AppError } from '../../../shared/errors'
import type { SaveState } from './project-session'

/** Tells the window how saving goes; a broken listener must never stop the project from saving. */
export class SaveStateListeners {
  private readonly listeners = new Set<(state: SaveState) => void>()
  private last: SaveState['state'] = 'saved'

  get lastState(): SaveState['state'] {
    return this.last
  }

  add(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(state: SaveState['state'], savedAt: string | null, error: AppError | null): void {
    this.last = state
    for (const listener of this.listeners) {
      try {
        listener({ state, savedAt, error })
      } catch {
        // Reported nowhere on purpose: the listener's owner logs its own failures.
      }
    }
  }
}
