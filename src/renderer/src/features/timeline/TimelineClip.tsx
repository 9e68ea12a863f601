import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVertical } from 'lucide-react'
import { memo } from 'react'
import { selectClipById, selectIsClipSelected } from '../../store/selectors'
import { useStore } from '../../store/store'
import { ClipTakeBadge } from './ClipTakeBadge'
import { FrameSlot } from './FrameSlot'
import { ShotTrack } from './ShotTrack'

type Props = { clipId: string; index: number; pxPerSecond: number }

const SLOT_WIDTH = 88

export const TimelineClip = memo(function TimelineClip({ clipId, index, pxPerSecond }: Props) {
  const clip = useStore(selectClipById(clipId))
  const selected = useStore(selectIsClipSelected(clipId))
  const selectClip = useStore((s) => s.selectClip)
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: clipId })
  if (!clip) return null
  const number = index + 1
  const width = SLOT_WIDTH * 2 + clip.duration * pxPerSecond + 10
  const classes = ['tl-clip', selected && 'tl-clip--selected', isDragging && 'tl-clip--dragging'].filter(Boolean).join(' ')

  return (
    <div
      ref={setNodeRef}
      className={classes}
      style={{ width, transform: CSS.Translate.toString(transform), transition }}
      role="group"
      aria-label={`Clip ${number}`}
      onPointerDown={() => !selected && selectClip(clipId)}
      onFocus={() => !selected && selectClip(clipId)}
    >
      <div className="tl-clip__header">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="tl-clip__grip"
          {...attributes}
          {...listeners}
          aria-label={`Move clip ${number}`}
        >
          <GripVertical size={14} strokeWidth={1.75} aria-hidden />
        </button>
        <span className="tl-clip__name">Clip {number}</span>
        {clip.title && <span className="tl-clip__title">{clip.title}</span>}
        <span className="tl-clip__duration tabular">{clip.duration} s</span>
        <ClipTakeBadge clipId={clipId} />
      </div>
      <div className="tl-clip__body">
        <FrameSlot clipId={clipId} clipNumber={number} slot="first" assetId={clip.firstFrameAssetId} />
        <ShotTrack clip={clip} clipNumber={number} pxPerSecond={pxPerSecond} />
        <FrameSlot clipId={clipId} clipNumber={number} slot="last" assetId={clip.lastFrameAssetId} />
      </div>
    </div>
  )
})
