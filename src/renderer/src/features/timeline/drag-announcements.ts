import type { Announcements } from '@dnd-kit/core'

/** Screen readers hear "clip 2" rather than an internal id. */
export function clipAnnouncements(ids: readonly string[], noun = 'clip'): Announcements {
  const name = (id: string | number) => `${noun} ${ids.indexOf(String(id)) + 1}`
  const position = (id: string | number | undefined) => (id === undefined ? '' : `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`)
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over ${position(over.id)}.` : `${name(active.id)} is not over a position.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${name(active.id)} at ${position(over.id)}.` : `Dropped ${name(active.id)}.`),
    onDragCancel: ({ active }) => `Cancelled. ${name(active.id)} is back where it was.`,
  }
}
