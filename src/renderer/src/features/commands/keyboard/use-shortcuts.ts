import { useEffect } from 'react'
import { chooseAndOpenProject, saveNow } from '../../../app/project-actions'
import { redo, undo } from '../../../store/history'
import { selectSelectionCount } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { generateSelection } from '../../queue/generate-many'
import { useQueueUi } from '../../queue/queue-store'
import { moveSelectedClip, moveSelection, removeSelection } from '../../timeline/clip-actions'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(target.type)
}

/** Whether a key press is a global shortcut, and what it does. See shortcut-table.ts for the list. */
export function handleShortcut(e: KeyboardEvent): boolean {
  const store = useStore.getState()
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (store.dialog !== null) {
    if (e.key === 'Escape') store.closeDialog()
    return e.key === 'Escape'
  }
  if (mod && key === 'z') {
    if (e.shiftKey) redo()
    else undo()
    return true
  }
  if (mod && e.shiftKey && key === 'q') return (useQueueUi.getState().toggle(), true)
  if (mod && key === 'y') return (redo(), true)
  if (mod && key === 's') return (void saveNow(), true)
  if (mod && key === 'o') return (void chooseAndOpenProject(), true)
  if (mod && e.key === ',') return (store.openDialog('settings'), true)
  if (mod && e.key === 'Enter') {
    // A held key repeats; a paid action follows presses, not repeats.
    if (store.selectedClipId && !e.repeat) generateSelection()
    return true
  }
  if (isTyping(e.target)) return false
  if (mod && key === 'a') return (store.selectAllClips(), true)
  if (e.key === 'Escape' && selectSelectionCount(store) > 1) return (store.collapseSelection(), true)
  if (mod) return false
  if (e.key === '?') return (store.openDialog('help'), true)
  if (e.key === 'Delete' || e.key === 'Backspace') return (removeSelection(), true)
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    // Arrow keys on focused sliders, separators and dnd-kit handles belong to them.
    const el = e.target instanceof HTMLElement ? e.target : null
    const role = el?.getAttribute('role')
    if (role === 'separator' || role === 'slider' || el?.getAttribute('aria-roledescription') === 'sortable') return false
    const delta = e.key === 'ArrowLeft' ? -1 : 1
    if (e.altKey) moveSelectedClip(delta)
    else moveSelection(delta)
    return true
  }
  return false
}

export function useShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented) return
      if (handleShortcut(e)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
