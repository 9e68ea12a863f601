import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectClipFrames, selectPosterTakeId } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { ClipPoster } from './ClipPoster'
import { FrameSlot } from './FrameSlot'
import { ShotTrack } from '../shots/ShotTrack'

type Props = { clipId: string; number: number; pxPerSecond: number }

export const ClipBody = memo(function ClipBody({ clipId, number, pxPerSecond }: Props) {
  const { first, last } = useStore(useShallow(selectClipFrames(clipId)))
  const posterTakeId = useStore(selectPosterTakeId(clipId))
  return (
    <div className="tl-clip__body">
      {posterTakeId && <ClipPoster clipNumber={number} clipId={clipId} takeId={posterTakeId} />}
      <FrameSlot clipId={clipId} clipNumber={number} slot="first" assetId={first} />
      <ShotTrack clipId={clipId} clipNumber={number} pxPerSecond={pxPerSecond} />
      <FrameSlot clipId={clipId} clipNumber={number} slot="last" assetId={last} />
    </div>
  )
})
