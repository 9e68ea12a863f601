import { create } from 'zustand'

type EditTakeState = { takeId: string | null; open: (takeId: string) => void; close: () => void }

/** Which take the Edit… dialog is open on: window state, never saved or undone. */
export const useEditTakeStore = create<EditTakeState>()((set) => ({
  takeId: null,
  open: (takeId) => set({ takeId }),
  close: () => set({ takeId: null }),
}))
