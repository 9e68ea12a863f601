import type { StateCreator } from 'zustand'
import { applyEdit } from '../../../shared/domain/edits'
import type { EditOp } from '../../../shared/domain/edits-schema'
import { pickDocument } from '../../../shared/domain/pick-document'
import { createEditQueue } from './edit-queue'
import type { DocumentSlice, Store } from './types'

export const createDocumentSlice: StateCreator<Store, [], [], DocumentSlice> = (set, get) => {
  const queue = createEditQueue({
    onSent: (revision) => get().setRevision(revision),
    onRejected: (error) => {
      get().showError(error)
      void rejectionHandler()
    },
  })
  editQueue = queue
  return {
    doc: null,
    edit: (input) => {
      const ops = Array.isArray(input) ? input : [input]
      const before = get().doc
      if (!before || ops.length === 0) return
      const after = ops.reduce(applyEdit, before)
      if (after === before) return
      set({ doc: after })
      queue.push(ops)
    },
    setDocLocal: (doc) => set({ doc }),
  }
}

/** The window's one store owns the one queue; undo and other module-level actions send through it so
 * every op reaches the main process in the order the renderer applied it. */
let editQueue: ReturnType<typeof createEditQueue> | null = null

let rejectionHandler: () => Promise<void> = async () => {}

/** What to do after the main process refused an edit the screen already shows (history.ts resyncs). */
export function onEditRejected(handler: () => Promise<void>): void {
  rejectionHandler = handler
}

export function flushEdits(): Promise<void> {
  return editQueue?.flush() ?? Promise.resolve()
}

export function sendOps(ops: EditOp[]): void {
  editQueue?.push(ops)
}

export { pickDocument }
