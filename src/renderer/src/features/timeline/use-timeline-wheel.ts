import { useEffect, type RefObject } from 'react'

export const MIN_ZOOM = 16
export const MAX_ZOOM = 120

export const clampZoom = (pxPerSecond: number) => Math.round(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, pxPerSecond)))

/**
 * As in video editors: Ctrl/Cmd+wheel zooms the timeline, a plain vertical wheel scrolls it sideways.
 * A native listener, because React's wheel handlers are passive and cannot cancel the page scroll.
 */
export function useTimelineWheel(track: RefObject<HTMLElement | null>, setZoom: (update: (px: number) => number) => void): void {
  useEffect(() => {
    const el = track.current
    if (!el) return
    function onWheel(e: WheelEvent) {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault()
        setZoom((px) => clampZoom(px * (e.deltaY < 0 ? 1.1 : 1 / 1.1)))
      } else if (!e.shiftKey && Math.abs(e.deltaY) > Math.abs(e.deltaX)) {
        e.preventDefault()
        el!.scrollLeft += e.deltaY
      }
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [track, setZoom])
}
