import { memo } from 'react'
import { selectTakeCountOfClip } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { takeVideoUrl } from '../../takes/list/take-video-url'

type Props = { clipNumber: number; clipId: string; takeId: string }

/**
 * What a clip has produced, at a glance: a frame of its take and how many takes it has. Main streams the
 * video with byte ranges, so `preload="metadata"` reads only the start of the file, and only for clips
 * scrolled near (the clip body mounts lazily).
 */
export const ClipPoster = memo(function ClipPoster({ clipNumber, clipId, takeId }: Props) {
  const count = useStore(selectTakeCountOfClip(clipId))
  const takes = `${count} ${count === 1 ? 'take' : 'takes'}`
  return (
    <figure className="tl-poster" role="img" aria-label={`Clip ${clipNumber} video, ${takes}`}>
      <video className="tl-poster__img" src={`${takeVideoUrl(takeId)}#t=0.5`} muted playsInline preload="metadata" tabIndex={-1} aria-hidden="true" />
      <span className="tl-poster__badge tabular" aria-hidden="true">
        {count}
      </span>
    </figure>
  )
})
