import { Clapperboard, LoaderCircle } from 'lucide-react'
import { useTakeVideo } from './take-video-cache'

/** Holds a 16:9 box at all times so the editor above never shifts as videos load. */
export function TakePlayer({ takeId, label }: { takeId: string | null; label: string }) {
  const video = useTakeVideo(takeId)
  return (
    <div className="take-player">
      {takeId === null && (
        <div className="take-player__empty">
          <Clapperboard size={22} strokeWidth={1.5} aria-hidden />
          <span>Finished takes play here.</span>
        </div>
      )}
      {video === 'loading' && (
        <div className="take-player__empty">
          <LoaderCircle className="spin" size={20} strokeWidth={1.75} aria-hidden />
        </div>
      )}
      {video && typeof video === 'object' && 'url' in video && (
        <video key={video.url} className="take-player__video" src={video.url} controls playsInline aria-label={label} />
      )}
      {video && typeof video === 'object' && 'error' in video && (
        <div className="take-player__empty take-player__empty--error" role="alert">
          <span>{video.error.message}</span>
          <span className="take-row__hint">{video.error.hint}</span>
        </div>
      )}
    </div>
  )
}
