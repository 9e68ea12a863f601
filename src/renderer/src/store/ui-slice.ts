import type { StateCreator } from 'zustand'
import type { Store, UiSlice } from './types'

let nextToastId = 1
const TOAST_LIMIT = 4

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set, get) => ({
  dialog: null,
  dialogReason: null,
  toasts: [],
  saveState: { state: 'saved', savedAt: null, error: null },
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  settings: null,
  openDialog: (dialog, reason) => set({ dialog, dialogReason: reason ?? null }),
  closeDialog: () => set({ dialog: null, dialogReason: null }),
  pushToast: (toast) => {
    const id = nextToastId++
    set({ toasts: [...get().toasts, { ...toast, id }].slice(-TOAST_LIMIT) })
    return id
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  showError: (error, action) => {
    get().pushToast({ tone: 'danger', message: error.message, hint: error.hint, ...(action ? { action } : {}) })
  },
  setSaveState: (saveState) => set({ saveState }),
  setOnline: (online) => set({ online }),
  setSettings: (settings) => set({ settings }),
})
