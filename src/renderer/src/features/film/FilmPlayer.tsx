import { Download, Pause, Play, SkipBack, SkipForward, X } from 'lucide-react'
import { useEffect, useRef, type RefObject } from 'react'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { clipBoundary, formatFilmTime } from '../../../../shared/cut/cut-time'
import { AnimaticCard } from './AnimaticCard'
import { FilmCaption } from './FilmCaption'
import { FilmScrubBar } from './FilmScrubBar'
import { closeFilmPlayer, openExportDialog, seekFilm, toggleFilmPlaying, useFilmStore } from './film-store'
import { useFilmKeys } from './use-film-keys'
import { useFilmPlayback } from './use-film-playback'
import { useFilmSound } from './use-film-sound'
import './film.css'

/** "Play film": the cut plays over the editor's panels while the timeline below stays visible and follows it. */
export function FilmPlayer() {
  const open = useFilmStore((s) => s.open)
  // Closing the project unmounts the editor; the next project must not open with this one's film on screen.
  useEffect(() => closeFilmPlayer, [])
  return open ? <FilmPlayerOpen /> : null
}

function FilmPlayerOpen() {
  const plan = useFilmStore((s) => s.plan)
  const error = useFilmStore((s) => s.error)
  useFilmKeys(plan)
  return (
    <section className="film-player" aria-label="Film player">
      <header className="film-player__header">
        <h2 className="film-player__title">Film</h2>
        {plan && <FilmSummary plan={plan} />}
        <div className="film-player__actions">
          <button type="button" className="btn btn--small" onClick={openExportDialog}>
            <Download size={14} strokeWidth={1.75} aria-hidden />
            Export film…
          </button>
          <button type="button" className="btn btn--ghost btn--icon" aria-label="Leave the film player" title="Leave (Esc)" onClick={closeFilmPlayer}>
            <X size={16} strokeWidth={1.75} aria-hidden />
          </button>
        </div>
      </header>
      {error && <p className="film-player__message film-player__message--danger">{error.message} {error.hint}</p>}
      {!error && !plan && <p className="film-player__message">Reading the takes…</p>}
      {plan && plan.entries.length === 0 && <p className="film-player__message">This project has no clips yet.</p>}
      {plan && plan.entries.length > 0 && <FilmStage plan={plan} />}
    </section>
  )
}

function FilmSummary({ plan }: { plan: CutPlan }) {
  const takes = plan.entries.filter((entry) => entry.kind === 'take').length
  return (
    <span className="film-player__summary">
      {plan.entries.length} clips · {takes} with takes · {formatFilmTime(plan.durationSeconds)}
    </span>
  )
}

function FilmStage({ plan }: { plan: CutPlan }) {
  const videoA = useRef<HTMLVideoElement>(null)
  const videoB = useRef<HTMLVideoElement>(null)
  const { activeSlot, index, unplayable } = useFilmPlayback(plan, videoA, videoB)
  const takeVolume = useFilmSound(plan, index)
  useEffect(() => {
    for (const video of [videoA.current, videoB.current]) if (video) video.volume = takeVolume
  }, [takeVolume, activeSlot])
  const time = useFilmStore((s) => s.time)
  const playing = useFilmStore((s) => s.playing)
  const entry = plan.entries[index]
  if (!entry) return null
  const showsVideo = entry.kind === 'take' && !unplayable.has(index)
  return (
    <>
      <div className="film-player__stage">
        <div className="film-player__screen">
          <FilmVideo ref={videoA} visible={showsVideo && activeSlot === 0} />
          <FilmVideo ref={videoB} visible={showsVideo && activeSlot === 1} />
          {!showsVideo && <AnimaticCard entry={entry} reason={entry.kind === 'animatic' ? entry.reason : 'unplayable'} />}
        </div>
      </div>
      <FilmCaption entry={entry} secondsIntoEntry={time - entry.startSeconds} />
      <div className="film-player__transport">
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Previous clip" title="Previous clip (J)" onClick={() => seekFilm(clipBoundary(plan, time, -1))}>
          <SkipBack size={16} strokeWidth={1.75} aria-hidden />
        </button>
        <button type="button" className="btn btn--primary btn--icon film-player__play" aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (Space)' : 'Play (Space)'} onClick={toggleFilmPlaying}>
          {playing ? <Pause size={16} strokeWidth={1.75} aria-hidden /> : <Play size={16} strokeWidth={1.75} aria-hidden />}
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Next clip" title="Next clip (L)" onClick={() => seekFilm(clipBoundary(plan, time, 1))}>
          <SkipForward size={16} strokeWidth={1.75} aria-hidden />
        </button>
        <span className="film-player__time" data-testid="film-time">
          {formatFilmTime(time)} <span className="film-player__time-total">/ {formatFilmTime(plan.durationSeconds)}</span>
        </span>
        <FilmScrubBar plan={plan} currentIndex={index} />
      </div>
    </>
  )
}

function FilmVideo({ ref, visible }: { ref: RefObject<HTMLVideoElement | null>; visible: boolean }) {
  return <video ref={ref} className="film-player__video" data-active={visible} preload="auto" playsInline aria-hidden={!visible} />
}
