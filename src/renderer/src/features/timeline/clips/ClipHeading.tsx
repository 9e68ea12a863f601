import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectClipHeading } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { StaleBadge } from '../../takes/stale/StaleBadge'
import { ScriptChangedBadge } from '../../script/notes/ScriptChangedBadge'
import { ClipTakeBadge } from './ClipTakeBadge'

export const ClipHeading = memo(function ClipHeading({ clipId, number }: { clipId: string; number: number }) {
  const { title, duration } = useStore(useShallow(selectClipHeading(clipId)))
  return (
    <>
      <span className="tl-clip__name">Clip {number}</span>
      {title && <span className="tl-clip__title">{title}</span>}
      <span className="tl-clip__duration tabular">{duration} s</span>
      <StaleBadge clipId={clipId} />
      <ScriptChangedBadge clipId={clipId} />
      <ClipTakeBadge clipId={clipId} />
    </>
  )
})
