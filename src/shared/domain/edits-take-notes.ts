import type { Clip, TakeNote } from './project'

export const emptyTakeNote: TakeNote = { rating: null, note: '', rejected: false }

/** Merges a patch into a take's note; a note back to empty is dropped so unjudged takes leave no trace in the file. */
export function setTakeNote(clip: Clip, takeId: string, patch: Partial<TakeNote>): void {
  const current = takeNoteOf(clip, takeId)
  const next: TakeNote = { ...current }
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) Object.assign(next, { [key]: value })
  if (next.rating === current.rating && next.note === current.note && next.rejected === current.rejected) return
  const notes = { ...clip.takeNotes }
  if (next.rating === null && next.note === '' && !next.rejected) delete notes[takeId]
  else notes[takeId] = next
  if (Object.keys(notes).length === 0) delete clip.takeNotes
  else clip.takeNotes = notes
}

export const takeNoteOf = (clip: Pick<Clip, 'takeNotes'>, takeId: string): TakeNote => clip.takeNotes?.[takeId] ?? emptyTakeNote
