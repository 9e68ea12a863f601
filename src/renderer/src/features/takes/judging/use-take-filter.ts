import { useState } from 'react'
import { takeNoteOf } from '../../../../../shared/domain/edits-take-notes'
import type { Clip, Take } from '../../../../../shared/domain/project'

/** Which takes the list shows: all, rated or unrated, and whether rejected ones are hidden. */
export type TakeFilter = { shown: 'all' | 'rated' | 'unrated'; hideRejected: boolean }

export function keepsTake(filter: TakeFilter, clip: Pick<Clip, 'takeNotes'>, take: Take): boolean {
  const note = takeNoteOf(clip, take.id)
  if (filter.hideRejected && note.rejected) return false
  if (filter.shown === 'rated') return note.rating !== null
  if (filter.shown === 'unrated') return note.rating === null
  return true
}

/** The take list's filter; kept per window, not in the project, since it is a way of looking, not an edit. */
export function useTakeFilter() {
  const [filter, setFilter] = useState<TakeFilter>({ shown: 'all', hideRejected: false })
  return { filter, setFilter }
}
