import { Clapperboard, LoaderCircle } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useTakeVideo } from './take-video-cache'

type Props = { takeId: string | null; label: string; /** Each new number asks to start playing, once the video is there. */ playRequest?: number }

/** Holds a 16:9 box at all times so the editor above never shifts as videos load. */
export function TakePlayer({ takeId, label, playRequest = 0 }: Props) {
  const video = useTakeVideo(takeId)
  const element = useRef<HTMLVideoElement>(null)
  const handledRequest = useRef(playRequest)
  const url = video && typeof video === 'object' && 'url' in video ? video.url : null
  useEffect(() => {
    if (!url || playRequest === handledRequest.current) return
    handledRequest.current = playRequest
    // play() rejects when a newer load or a pause interrupts it; the video's own controls remain.
    element.current?.play().catch(() => {})
  }, [url, playRequest])
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
        <video ref={element} key={video.url} className="take-player__video" src={video.url} controls playsInline aria-label={label} />
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
