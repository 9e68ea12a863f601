import type { StateCreator } from 'zustand'
import { selectAll, selectRange, singleSelection, toggleClip } from './clip-selection'
import type { SelectionSlice, Store } from './types'

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => {
  const order = (): string[] => get().doc?.clips.map((c) => c.id) ?? []
  return {
    ...singleSelection(null),
    selectedShotId: null,
    selectClip: (clipId) => set({ ...singleSelection(clipId), selectedShotId: null }),
    // Picking a shot of a clip already selected keeps the other selected clips.
    selectShot: (clipId, shotId) =>
      set(get().selectedClipId === clipId ? { selectedShotId: shotId } : { ...singleSelection(clipId), selectedShotId: shotId }),
    extendSelection: (clipId, how) => {
      const next = how === 'toggle' ? toggleClip(get(), order(), clipId) : selectRange(get(), order(), clipId, how === 'range-add')
      set({ ...next, selectedShotId: null })
    },
    selectAllClips: () => set(selectAll(get(), order())),
    collapseSelection: () => set(singleSelection(get().selectedClipId)),
  }
}
