import { Film } from 'lucide-react'
import { memo } from 'react'
import { selectTakeCountOfClip } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useTakePoster } from './take-poster'

type Props = { clipNumber: number; clipId: string; takeId: string }

/** What a clip has produced, at a glance: a still of its take and how many takes it has. */
export const ClipPoster = memo(function ClipPoster({ clipNumber, clipId, takeId }: Props) {
  const poster = useTakePoster(takeId)
  const count = useStore(selectTakeCountOfClip(clipId))
  const takes = `${count} ${count === 1 ? 'take' : 'takes'}`
  return (
    <figure className="tl-poster" role="img" aria-label={`Clip ${clipNumber} video, ${takes}`}>
      {poster ? <img className="tl-poster__img" src={poster} alt="" draggable={false} /> : <Film size={16} strokeWidth={1.75} aria-hidden />}
      <span className="tl-poster__badge tabular" aria-hidden="true">
        {count}
      </span>
    </figure>
  )
})
