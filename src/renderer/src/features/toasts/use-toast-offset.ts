import { useEffect } from 'react'

/**
 * Toasts sit at the bottom right, just above the timeline, where the editor has no controls; the timeline's
 * height is the user's to change, so the editor passes it here.
 */
export function useToastOffset(timelineHeight: number): void {
  useEffect(() => {
    const root = document.documentElement
    root.style.setProperty('--toast-bottom', `${timelineHeight + 12}px`)
    return () => {
      root.style.removeProperty('--toast-bottom')
    }
  }, [timelineHeight])
}
