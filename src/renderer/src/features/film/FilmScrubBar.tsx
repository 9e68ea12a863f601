import { useRef, type PointerEvent } from 'react'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { formatFilmTime } from '../../../../shared/cut/cut-time'
import { seekFilm, useFilmStore } from './film-store'

type Props = { plan: CutPlan; currentIndex: number }

/** The film's own timeline: one segment per clip (takes solid, animatic holds hatched), click or drag to jump. */
export function FilmScrubBar({ plan, currentIndex }: Props) {
  const time = useFilmStore((s) => s.time)
  const bar = useRef<HTMLDivElement>(null)
  const total = plan.durationSeconds || 1
  const seekTo = (event: PointerEvent<HTMLDivElement>): void => {
    const rect = bar.current?.getBoundingClientRect()
    if (!rect || rect.width === 0) return
    seekFilm(((event.clientX - rect.left) / rect.width) * total)
  }
  return (
    <div
      ref={bar}
      className="film-scrub"
      role="slider"
      tabIndex={-1}
      aria-label="Film position"
      aria-valuemin={0}
      aria-valuemax={Math.round(total * 10) / 10}
      aria-valuenow={Math.round(time * 10) / 10}
      aria-valuetext={`${formatFilmTime(time)} of ${formatFilmTime(total)}`}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        seekTo(event)
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) seekTo(event)
      }}
    >
      {plan.entries.map((entry, index) => (
        <div
          key={entry.clipId}
          className={['film-scrub__segment', `film-scrub__segment--${entry.kind}`, index === currentIndex && 'film-scrub__segment--current'].filter(Boolean).join(' ')}
          style={{ left: `${(entry.startSeconds / total) * 100}%`, width: `${(entry.durationSeconds / total) * 100}%` }}
          title={`Clip ${entry.clipNumber}${entry.title ? ` · ${entry.title}` : ''}`}
        />
      ))}
      <div className="film-scrub__head" style={{ left: `${(time / total) * 100}%` }} aria-hidden />
    </div>
  )
}
