import type { TakeNote } from '../../../../../shared/domain/project'
import { editCoalesced } from '../../../store/history'
import { useStore } from '../../../store/store'
import { chooseTake } from '../list/take-actions'

// Judging a take in its row: notes, ratings, rejecting, and keys that move through the take list.

export function noteTake(clipId: string, takeId: string, patch: Partial<TakeNote>): void {
  useStore.getState().edit({ type: 'setTakeNote', clipId, takeId, patch })
}

/** Typing a note records one undo step per burst, like every other text field. */
export function writeTakeNote(clipId: string, takeId: string, note: string): void {
  editCoalesced({ type: 'setTakeNote', clipId, takeId, patch: { note } }, `take-note:${takeId}`)
}

/**
 * Keys on a focused take row: 1–5 rate it, 0 clears the rating, C chooses it. Handled on the list, not the window,
 * so the same keys stay free everywhere else.
 */
export function handleTakeListKey(event: { key: string; target: EventTarget | null; ctrlKey: boolean; metaKey: boolean; altKey: boolean; preventDefault(): void }): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return
  const target = event.target instanceof HTMLElement ? event.target : null
  if (target === null || target.closest('input, textarea, [contenteditable="true"]')) return
  const row = target.closest<HTMLElement>('[data-take-id]')
  const takeId = row?.dataset['takeId']
  const take = useStore.getState().takes.find((candidate) => candidate.id === takeId)
  if (!take) return
  if (/^[0-5]$/.test(event.key)) {
    noteTake(take.clipId, take.id, { rating: event.key === '0' ? null : Number(event.key) })
    event.preventDefault()
  } else if (event.key.toLowerCase() === 'c' && take.status === 'completed') {
    chooseTake(take.clipId, take.id)
    event.preventDefault()
  }
}
