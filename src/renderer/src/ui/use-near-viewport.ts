import { useCallback, useState } from 'react'

type Listener = () => void
const listeners = new WeakMap<Element, Listener>()
let observer: IntersectionObserver | null = null
let paused = false
const deferred: Listener[] = []

/**
 * While a drag auto-scrolls the timeline, mounting every clip that scrolls past costs frames; reveal them
 * once the drag ends instead, in one batch.
 */
export function pauseLazyMounting(): void {
  paused = true
}

export function resumeLazyMounting(): void {
  paused = false
  for (const reveal of deferred.splice(0)) reveal()
}

function sharedObserver(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null
  // One observer for every lazy item: hundreds of clips and thousands of tiles cost one IntersectionObserver.
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const reveal = listeners.get(entry.target)
        if (!entry.isIntersecting || !reveal) continue
        if (paused) deferred.push(reveal)
        else reveal()
        observer?.unobserve(entry.target)
        listeners.delete(entry.target)
      }
    },
    { rootMargin: '400px' },
  )
  return observer
}

/**
 * Whether an element has come near the visible area, latched once true. Big storyboards mount cheap shells
 * for the clips and images off screen and fill them in as they scroll into view. Where IntersectionObserver
 * is missing (tests), everything counts as near. `reveal` fills one in at once (a shell the keyboard reached).
 */
export function useNearViewport(): [ref: (element: Element | null) => void | (() => void), near: boolean, reveal: () => void] {
  const [near, setNear] = useState(() => sharedObserver() === null)
  const ref = useCallback((element: Element | null) => {
    const io = sharedObserver()
    if (!element || !io) return
    listeners.set(element, () => setNear(true))
    io.observe(element)
    return () => {
      io.unobserve(element)
      listeners.delete(element)
    }
  }, [])
  const reveal = useCallback(() => setNear(true), [])
  return [ref, near, reveal]
}
