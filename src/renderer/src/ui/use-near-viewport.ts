import { useCallback, useState } from 'react'

type Listener = () => void
const listeners = new WeakMap<Element, Listener>()
let observer: IntersectionObserver | null = null

function sharedObserver(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null
  // One observer for every lazy item: hundreds of clips and thousands of tiles cost one IntersectionObserver.
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue
        listeners.get(entry.target)?.()
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
 * is missing (tests), everything counts as near.
 */
export function useNearViewport(): [ref: (element: Element | null) => void | (() => void), near: boolean] {
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
  return [ref, near]
}
