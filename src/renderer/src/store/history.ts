import type { EditOp } from '../../../shared/domain/edits-schema'
import { applyEdit } from '../../../shared/domain/edits'
import type { ProjectDocument } from '../../../shared/domain/project'
import { invoke } from '../ipc/client'
import { onEditRejected, pickDocument, sendOps } from './document-slice'
import { useStore } from './store'

const temporalState = () => useStore.temporal.getState()

/** Undo restores the document locally; the main process gets the whole restored document. */
export function undo(): void {
  if (temporalState().pastStates.length === 0) return
  temporalState().undo()
  // "Added 3 clips … Ctrl/Cmd+Z takes them back" means nothing once they are taken back.
  const undone = new Set(temporalState().futureStates.map((state) => state.doc))
  useStore.getState().dropUndoneToasts((doc) => undone.has(doc))
  syncRestoredDocument()
}

export function redo(): void {
  if (temporalState().futureStates.length === 0) return
  temporalState().redo()
  syncRestoredDocument()
}

function syncRestoredDocument(): void {
  const doc = useStore.getState().doc
  if (doc) sendOps([{ type: 'replaceDocument', document: doc }])
}

// A refused edit leaves the screen ahead of the saved project: take the main process's version, without
// recording it as a step the user could undo.
onEditRejected(async () => {
  const fresh = await invoke('project:read', {})
  if (!fresh.ok || !fresh.value) return
  temporalState().pause()
  useStore.getState().setDocLocal(pickDocument(fresh.value.project))
  temporalState().resume()
})

/** With the history gone no toast's "Ctrl/Cmd+Z takes it back" is true any more. */
export function clearHistory(): void {
  temporalState().clear()
  useStore.getState().dropUndoneToasts(() => true)
}

/**
 * A drag previews its effect without sending or recording anything, then commits one op: one undo step,
 * one message to the main process, however many pixels the pointer travelled.
 */
export function beginGesture(): ProjectDocument | null {
  const base = useStore.getState().doc
  if (base) temporalState().pause()
  return base
}

export function previewGesture(base: ProjectDocument, op: EditOp | null): void {
  useStore.getState().setDocLocal(op ? applyEdit(base, op) : base)
}

export function endGesture(base: ProjectDocument, op: EditOp | null): void {
  useStore.getState().setDocLocal(base)
  temporalState().resume()
  if (op) useStore.getState().edit(op)
}

let lastCoalesce: { key: string; at: number; depth: number } | null = null
const COALESCE_MS = 1000

/**
 * Typing records one undo step per burst, not per keystroke: edits to the same field within a second of
 * each other fold into the step the burst began with, unless another step was recorded in between.
 */
export function editCoalesced(op: EditOp, key: string): void {
  const now = Date.now()
  const depth = temporalState().pastStates.length
  const merge = lastCoalesce !== null && lastCoalesce.key === key && now - lastCoalesce.at < COALESCE_MS && lastCoalesce.depth === depth
  if (merge) {
    temporalState().pause()
    useStore.getState().edit(op)
    temporalState().resume()
  } else {
    useStore.getState().edit(op)
  }
  lastCoalesce = { key, at: now, depth: temporalState().pastStates.length }
}
