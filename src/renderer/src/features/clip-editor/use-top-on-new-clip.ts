import { useLayoutEffect, useRef } from 'react'

/**
 * A scroll box that starts at its top whenever `clipId` changes: a newly selected clip opens on its heading and
 * chain notice, not at the scroll position the last clip was left at.
 */
export function useTopOnNewClip<T extends HTMLElement>(clipId: string | null) {
  const ref = useRef<T>(null)
  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0
  }, [clipId])
  return ref
}
