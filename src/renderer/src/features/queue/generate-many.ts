import { selectSelectedClipIds } from '../../store/selectors'
import { useStore } from '../../store/store'
import { staleClipIds } from '../takes/stale/stale-selectors'
import { generateClip, NO_KEY_REASON } from '../takes/generate/generate'
import { useQueueUi } from './queue-store'

/** How many takes of each clip "Generate 3 takes" asks for. */
export const SEVERAL_TAKES = 3

/**
 * Generate for any set of clips: one take of one clip goes out at once (one action id per press); anything more
 * is planned and confirmed first, with what it costs and leaves of each budget.
 */
export function generateMany(clipIds: string[], takesPerClip = 1): void {
  const store = useStore.getState()
  if (clipIds.length === 0) return
  if (!store.settings?.hasApiKey) return store.openDialog('settings', NO_KEY_REASON)
  if (clipIds.length === 1 && takesPerClip === 1) return void generateClip(clipIds[0]!)
  useQueueUi.getState().setRequest({ clipIds, takesPerClip })
  store.openDialog('queue-confirm')
}

export const selectionToGenerate = (): string[] => selectSelectedClipIds(useStore.getState())
export const allClipIds = (): string[] => useStore.getState().doc?.clips.map((clip) => clip.id) ?? []
export const changedClipIds = (): string[] => staleClipIds(useStore.getState())

/** Ctrl/Cmd+Enter and the Generate button: the selection, one clip or many. */
export const generateSelection = (): void => generateMany(selectionToGenerate())
