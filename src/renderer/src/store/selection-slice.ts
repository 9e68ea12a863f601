import type { StateCreator } from 'zustand'
import type { SelectionSlice, Store } from './types'

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  selectedClipId: null,
  selectedShotId: null,
  selectClip: (clipId) => set({ selectedClipId: clipId, selectedShotId: null }),
  selectShot: (clipId, shotId) => set({ selectedClipId: clipId, selectedShotId: shotId }),
})
