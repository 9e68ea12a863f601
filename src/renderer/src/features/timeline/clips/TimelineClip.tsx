import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVertical } from 'lucide-react'
import { memo, useCallback } from 'react'
import { selectIsClipInSelection, selectIsClipSelected } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useNearViewport } from '../../../ui/use-near-viewport'
import { ClipBody } from './ClipBody'
import { ClipHeading } from './ClipHeading'
import { ChainLinkGlyph } from '../../takes/chain/ChainLinkGlyph'
import { VideoLinkGlyph } from '../../takes/next-shot/VideoLinkGlyph'
import { clickSelectHandlers } from './click-select'

/** `width` comes from the track's layout (track-layout.ts), which also places the clips left unmounted. */
type Props = { clipId: string; index: number; width: number; pxPerSecond: number }
// A hoisted element is skipped by React on re-render: a drag re-renders every sortable shell, not its icon.
const gripIcon = <GripVertical size={14} strokeWidth={1.75} aria-hidden />

/**
 * The sortable shell of a clip: its width, outline and grip. Editing a prompt re-renders the shot track inside
 * and not this. A clip mounted during a drag keeps an empty body until the drag ends.
 */
export const TimelineClip = memo(function TimelineClip({ clipId, index, width, pxPerSecond }: Props) {
  const selected = useStore(selectIsClipSelected(clipId))
  const inSelection = useStore(selectIsClipInSelection(clipId))
  const selectClip = useStore((s) => s.selectClip)
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: clipId })
  const [observe, near] = useNearViewport()
  const setRefs = useCallback(
    (element: HTMLDivElement | null) => {
      setNodeRef(element)
      return observe(element)
    },
    [setNodeRef, observe],
  )
  const number = index + 1
  const classes = ['tl-clip', selected && 'tl-clip--selected', inSelection && 'tl-clip--in-selection', isDragging && 'tl-clip--dragging'].filter(Boolean).join(' ')

  return (
    <div
      ref={setRefs}
      className={classes}
      style={{ width, transform: CSS.Translate.toString(transform), transition }}
      role="group"
      aria-label={`Clip ${number}`}
      data-clip-index={index}
      data-in-selection={inSelection || undefined}
      {...clickSelectHandlers(clipId, selected)}
      onFocus={() => !selected && selectClip(clipId)}
    >
      <ChainLinkGlyph clipId={clipId} />
      <VideoLinkGlyph clipId={clipId} />
      <div className="tl-clip__header">
        <button ref={setActivatorNodeRef} type="button" className="tl-clip__grip" {...attributes} {...listeners} aria-label={`Move clip ${number}`}>
          {gripIcon}
        </button>
        <ClipHeading clipId={clipId} number={number} />
      </div>
      {near ? <ClipBody clipId={clipId} number={number} pxPerSecond={pxPerSecond} /> : <div className="tl-clip__body" />}
    </div>
  )
})
