import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react'
import { entryIndexAt } from '../../../../shared/cut/cut-time'
import { seekFilm, useFilmStore } from './film-store'
import { measureClips, timeOfX, xOfTime } from './timeline-geometry'

type Layout = { width: number; clip: { left: number; width: number } | null; x: number | null }

/**
 * The film player's playhead on the editor's timeline, drawn as an overlay inside the track: a line at the film
 * time, an outline around the clip playing, and a scrub layer (click or drag to jump) while the player is open.
 */
export function FilmPlayhead() {
  const open = useFilmStore((s) => s.open)
  const plan = useFilmStore((s) => s.plan)
  const time = useFilmStore((s) => s.time)
  const layer = useRef<HTMLDivElement>(null)
  const [layout, setLayout] = useState<Layout>({ width: 0, clip: null, x: null })
  const index = plan ? entryIndexAt(plan, time) : 0

  useLayoutEffect(() => {
    const track = layer.current?.parentElement
    if (!open || !plan || !track) return
    const boxes = measureClips(track)
    const box = boxes[index]
    const x = xOfTime(plan, boxes, index, time)
    setLayout({ width: track.scrollWidth, clip: box ? { left: box.left, width: box.width } : null, x })
    if (x !== null && (x < track.scrollLeft + 24 || x > track.scrollLeft + track.clientWidth - 24)) track.scrollLeft = x - track.clientWidth / 3
  }, [open, plan, index, time])

  if (!open || !plan) return null
  const seekAt = (event: PointerEvent<HTMLDivElement>): void => {
    const track = layer.current?.parentElement
    if (!track) return
    const x = event.clientX - track.getBoundingClientRect().left + track.scrollLeft
    const seconds = timeOfX(plan, measureClips(track), x)
    if (seconds !== null) seekFilm(seconds)
  }
  return (
    <div
      ref={layer}
      className="film-playhead-layer"
      style={{ width: layout.width || undefined }}
      data-testid="film-playhead"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        seekAt(event)
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) seekAt(event)
      }}
    >
      {layout.clip && <div className="film-playhead-layer__clip" data-testid="film-current-clip" style={{ left: layout.clip.left, width: layout.clip.width }} />}
      {layout.x !== null && <div className="film-playhead-layer__line" style={{ left: layout.x }} />}
    </div>
  )
}
