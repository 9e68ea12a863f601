import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectClipFrames } from '../../store/selectors'
import { useStore } from '../../store/store'
import { FrameSlot } from './FrameSlot'
import { ShotTrack } from './ShotTrack'

type Props = { clipId: string; number: number; pxPerSecond: number }

export const ClipBody = memo(function ClipBody({ clipId, number, pxPerSecond }: Props) {
  const { first, last } = useStore(useShallow(selectClipFrames(clipId)))
  return (
    <div className="tl-clip__body">
      <FrameSlot clipId={clipId} clipNumber={number} slot="first" assetId={first} />
      <ShotTrack clipId={clipId} clipNumber={number} pxPerSecond={pxPerSecond} />
      <FrameSlot clipId={clipId} clipNumber={number} slot="last" assetId={last} />
    </div>
  )
})
