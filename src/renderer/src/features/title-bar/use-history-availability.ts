import { useStore as useZustand } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store/store'

/** Whether Undo and Redo have anything to do: for the title bar's buttons and the native menu's items. */
export function useHistoryAvailability(): { canUndo: boolean; canRedo: boolean } {
  return useZustand(
    useStore.temporal,
    useShallow((t) => ({ canUndo: t.pastStates.length > 0, canRedo: t.futureStates.length > 0 })),
  )
}
