import { create } from 'zustand'
import type { QueueState } from '../../../../shared/domain/spend'

/** What the confirm dialog is asked to queue. */
export type QueueRequest = { clipIds: string[]; takesPerClip: number }

type QueueUi = {
  /** Whether the Queue panel is showing: window state, never saved. */
  open: boolean
  /** The engine's last word on the queue (paused, waiting for connection, rate limits); null until it speaks. */
  state: QueueState | null
  /** The Generate waiting for its confirm dialog. */
  request: QueueRequest | null
  setRequest: (request: QueueRequest | null) => void
  toggle: () => void
  close: () => void
  setState: (state: QueueState | null) => void
}

export const useQueueUi = create<QueueUi>()((set, get) => ({
  open: false,
  state: null,
  request: null,
  setRequest: (request) => set({ request }),
  toggle: () => set({ open: !get().open }),
  close: () => set({ open: false }),
  setState: (state) => set({ state }),
}))
