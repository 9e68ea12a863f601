import type { StateCreator } from 'zustand'
import type { GenerationSlice, Store } from './types'

export const createGenerationSlice: StateCreator<Store, [], [], GenerationSlice> = (set, get) => ({
  progress: {},
  setProgress: (progress) => set({ progress: { ...get().progress, [progress.takeId]: progress } }),
})
