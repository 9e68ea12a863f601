import { Clapperboard } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { takeVideoUrl } from './take-video-url'

type Props = { takeId: string | null; label: string; /** Each new number asks to start playing, once the video is there. */ playRequest?: number }

/** Holds a 16:9 box at all times so the editor above never shifts as videos load. */
export function TakePlayer({ takeId, label, playRequest = 0 }: Props) {
  const url = takeId === null ? null : takeVideoUrl(takeId)
  // Remembered per URL, so choosing another take clears the message of the last one.
  const [failedUrl, setFailedUrl] = useState<string | null>(null)
  const element = useRef<HTMLVideoElement>(null)
  const handledRequest = useRef(playRequest)
  useEffect(() => {
    if (!url || playRequest === handledRequest.current) return
    handledRequest.current = playRequest
    // play() rejects when a newer load or a pause interrupts it; the video's own controls remain.
    element.current?.play().catch(() => {})
  }, [url, playRequest])
  return (
    <div className="take-player">
      {url === null && (
        <div className="take-player__empty">
          <Clapperboard size={22} strokeWidth={1.5} aria-hidden />
          <span>Finished takes play here.</span>
        </div>
      )}
      {url !== null && url !== failedUrl && (
        <video ref={element} key={url} className="take-player__video" src={url} controls playsInline preload="metadata" aria-label={label} onError={() => setFailedUrl(url)} />
      )}
      {url !== null && url === failedUrl && (
        <div className="take-player__empty take-player__empty--error" role="alert">
          <span>The video file is missing from the project folder or cannot be played.</span>
          <span className="take-row__hint">It may have been moved or deleted outside Omniboard; Retry download fetches it again.</span>
        </div>
      )}
    </div>
  )
}
