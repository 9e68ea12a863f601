import { newId } from '../../../shared/domain/ids'

/**
 * `takes/<take-id>-<index>.mp4`, index 0-based like `files[].index` and `media:takeVideo`. File names must start
 * with a letter or digit; the engine's own take ids do, and any other id gets a `take-` prefix.
 */
export const takeFileName = (takeId: string, index: number): string =>
  `${/^[A-Za-z0-9]/.test(takeId) ? '' : 'take-'}${takeId}-${index}.mp4`

/** A random id that also reads as a plain file name (no leading `-` or `_`), so a take's files are named after it. */
export function newTakeId(): string {
  for (;;) {
    const id = newId()
    if (/^[A-Za-z0-9]/.test(id)) return id
  }
}
