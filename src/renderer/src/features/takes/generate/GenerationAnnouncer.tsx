import { useEffect, useState } from 'react'
import { useStore } from '../../../store/store'
import { progressAnnouncements } from './progress-announcements'

/**
 * A polite live region that tells screen-reader users how their takes progress (queued → generating → done)
 * without moving focus; the take list and Queue panel show the same thing to the eye.
 */
export function GenerationAnnouncer() {
  const [message, setMessage] = useState('')
  useEffect(
    () =>
      useStore.subscribe((state, previous) => {
        if (state.takes === previous.takes) return
        const lines = progressAnnouncements(previous.takes, state.takes, state.doc?.clips.map((clip) => clip.id) ?? [])
        if (lines.length > 0) setMessage(lines.join('. '))
      }),
    [],
  )
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-label="Generation progress">
      {message}
    </p>
  )
}
