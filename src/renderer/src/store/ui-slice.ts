import type { StateCreator } from 'zustand'
import type { Store, Toast, UiSlice } from './types'

let nextToastId = 1
const TOAST_LIMIT = 4

/** Whether a toast still means something once its project is closed: only one about no project in particular. */
export const outlivesProject = (toast: Toast): boolean => !toast.action && !toast.tie

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
    // Pushed right after its edit: the document now is the one that edit made.
    const doc = toast.tie === 'undo' ? get().doc : null
    set({ toasts: [...get().toasts, { ...toast, id, ...(doc && { undoOf: doc }) }].slice(-TOAST_LIMIT) })
    return id
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  dropUndoneToasts: (undone) => {
    const toasts = get().toasts
    const kept = toasts.filter((toast) => !toast.undoOf || !undone(toast.undoOf))
    if (kept.length < toasts.length) set({ toasts: kept })
  },
  showError: (error, action) => {
    get().pushToast({ tone: 'danger', message: error.message, hint: error.hint, ...(action ? { action } : {}) })
  },
  setSaveState: (saveState) => set({ saveState }),
  setOnline: (online) => set({ online }),
  setSettings: (settings) => set({ settings }),
})
