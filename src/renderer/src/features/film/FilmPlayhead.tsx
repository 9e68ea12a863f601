import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react'
import { entryIndexAt } from '../../../../shared/cut/cut-time'
import { clipAtX, TRACK_PADDING_PX, xInClip, type TrackGeometry } from '../timeline/track-geometry'
import { seekFilm, useFilmStore } from './film-store'

/**
 * The film player's playhead on the editor's timeline, drawn as an overlay inside the track: a line at the film
 * time, an outline around the clip playing, and a scrub layer (click or drag to jump) while the player is open.
 * It stands where the sound lanes' playhead does: both place the cut's time through the track's one geometry.
 */
export function FilmPlayhead({ geometry }: { geometry: TrackGeometry }) {
  const open = useFilmStore((s) => s.open)
  const plan = useFilmStore((s) => s.plan)
  const time = useFilmStore((s) => s.time)
  const layer = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const entry = plan?.entries[entryIndexAt(plan, time)]
  const index = entry ? geometry.clips.findIndex((clip) => clip.clipId === entry.clipId) : -1
  const clip = geometry.clips[index]
  const fraction = entry && entry.durationSeconds > 0 ? (time - entry.startSeconds) / entry.durationSeconds : 0
  const inClip = xInClip(geometry, index, fraction)
  const x = inClip === null ? null : TRACK_PADDING_PX + inClip

  useLayoutEffect(() => {
    const track = layer.current?.parentElement
    if (!open || !track) return
    setWidth(track.scrollWidth)
    if (x !== null && (x < track.scrollLeft + 24 || x > track.scrollLeft + track.clientWidth - 24)) track.scrollLeft = x - track.clientWidth / 3
  }, [open, x])

  if (!open || !plan) return null
  const seekAt = (event: PointerEvent<HTMLDivElement>): void => {
    const track = layer.current?.parentElement
    if (!track) return
    const at = clipAtX(geometry, event.clientX - track.getBoundingClientRect().left + track.scrollLeft - TRACK_PADDING_PX)
    const target = at && plan.entries.find((candidate) => candidate.clipId === geometry.clips[at.index]!.clipId)
    if (at && target) seekFilm(target.startSeconds + at.fraction * target.durationSeconds)
  }
  return (
    <div
      ref={layer}
      className="film-playhead-layer"
      style={{ width: width || undefined }}
      data-testid="film-playhead"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        seekAt(event)
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) seekAt(event)
      }}
    >
      {clip && <div className="film-playhead-layer__clip" data-testid="film-current-clip" style={{ left: TRACK_PADDING_PX + clip.left, width: clip.width }} />}
      {x !== null && <div className="film-playhead-layer__line" style={{ left: x }} />}
    </div>
  )
}
