import { useLayoutEffect, type RefObject } from 'react'

/**
 * Keeps the lanes scrolled sideways exactly as the clip track above them, both ways: the track's scrollbar, wheel
 * and reveal move the lanes; a sideways wheel over the lanes, or focus moving to an item out of view, moves the track.
 * A plain vertical wheel over the lanes scrolls through the lanes.
 */
export function useFollowTrackScroll(track: RefObject<HTMLElement | null>, lanes: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const trackElement = track.current
    const lanesElement = lanes.current
    if (!active || !trackElement || !lanesElement) return
    const fromTrack = (): void => alignScroll(lanesElement, trackElement.scrollLeft)
    // The track may not reach as far (the lanes run a little longer); then it answers with where it stopped.
    const fromLanes = (): void => alignScroll(trackElement, lanesElement.scrollLeft)
    const onWheel = (event: WheelEvent): void => {
      const sideways = event.shiftKey ? event.deltaY || event.deltaX : Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : 0
      if (sideways === 0) return
      event.preventDefault()
      alignScroll(trackElement, trackElement.scrollLeft + sideways)
    }
    fromTrack()
    trackElement.addEventListener('scroll', fromTrack, { passive: true })
    lanesElement.addEventListener('scroll', fromLanes, { passive: true })
    lanesElement.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      trackElement.removeEventListener('scroll', fromTrack)
      lanesElement.removeEventListener('scroll', fromLanes)
      lanesElement.removeEventListener('wheel', onWheel)
    }
  }, [track, lanes, active])
}

/** Only a real change is written: each side's scroll event answers the other, and equal values end the exchange. */
function alignScroll(element: HTMLElement, left: number): void {
  if (element.scrollLeft !== left) element.scrollLeft = left
}
