import { useLayoutEffect, useMemo, useState, type RefObject } from 'react'
import { clipsInSpan } from './track-layout'

/** How far beyond the visible part of the track clips stay mounted, so a scroll shows them already drawn. */
const OVERSCAN_PX = 400
/** The visible part is tracked in steps of this many pixels: scrolling within a step renders nothing. */
const STEP_PX = 200

type Viewport = { from: number; to: number }
export type Span = [number, number] | null

function readViewport(track: HTMLElement): Viewport {
  const left = track.scrollLeft - (parseFloat(getComputedStyle(track).paddingLeft) || 0)
  return { from: Math.floor(left / STEP_PX) * STEP_PX, to: Math.ceil((left + track.clientWidth) / STEP_PX) * STEP_PX }
}

/**
 * The clips that overlap the visible part of the track, plus an overscan, following scroll and resize. Where
 * ResizeObserver is missing (tests) the answer is null: every clip.
 */
export function useVisibleSpan(track: RefObject<HTMLElement | null>, offsets: readonly number[], widths: readonly number[]): Span {
  const measurable = typeof ResizeObserver !== 'undefined'
  const [viewport, setViewport] = useState<Viewport | null>(() => (measurable ? { from: 0, to: window.innerWidth } : null))

  useLayoutEffect(() => {
    const element = track.current
    if (!element || !measurable) return
    const onChange = () => {
      const next = readViewport(element)
      setViewport((previous) => (previous?.from === next.from && previous.to === next.to ? previous : next))
    }
    onChange()
    element.addEventListener('scroll', onChange, { passive: true })
    const resize = new ResizeObserver(onChange)
    resize.observe(element)
    return () => {
      element.removeEventListener('scroll', onChange)
      resize.disconnect()
    }
  }, [track, measurable])

  return useMemo(
    () => (viewport === null ? null : clipsInSpan(offsets, widths, viewport.from - OVERSCAN_PX, viewport.to + OVERSCAN_PX)),
    [viewport, offsets, widths],
  )
}

/** `index` when the span leaves it out (so it must be pinned), else -1: a pin inside the span changes nothing. */
export function outsideSpan(index: number, span: Span): number {
  return span === null || (index >= span[0] && index <= span[1]) ? -1 : index
}
