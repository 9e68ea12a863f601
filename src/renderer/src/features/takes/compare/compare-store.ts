import { create } from 'zustand'

// The takes of one clip ticked for Compare (at most MAX_COMPARED) and whether the dialog shows them: window state.

export const MAX_COMPARED = 4

type CompareState = {
  clipId: string | null
  takeIds: string[]
  open: boolean
  toggle: (clipId: string, takeId: string) => void
  show: () => void
  close: () => void
}

/** Which takes are picked for comparing, and whether the compare view is open: window state, never saved or undone. */
export const useCompareStore = create<CompareState>()((set, get) => ({
  clipId: null,
  takeIds: [],
  open: false,
  toggle: (clipId, takeId) => {
    const current = get().clipId === clipId ? get().takeIds : []
    const takeIds = current.includes(takeId) ? current.filter((id) => id !== takeId) : [...current, takeId].slice(-MAX_COMPARED)
    set({ clipId, takeIds })
  },
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}))
