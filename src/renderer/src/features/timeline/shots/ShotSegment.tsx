import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVertical } from 'lucide-react'
import { memo } from 'react'
import type { Shot } from '../../../../../shared/domain/project'
import { selectIsShotSelected } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { PromptExcerpt } from '../clips/PromptExcerpt'
import { ShotBoundaryHandle } from './ShotBoundaryHandle'

type Props = { clipId: string; clipNumber: number; elementIds: readonly string[]; shot: Shot; index: number; next: Shot | null; pxPerSecond: number }

const gripIcon = <GripVertical size={12} strokeWidth={1.75} aria-hidden />

export const ShotSegment = memo(function ShotSegment({ clipId, clipNumber, elementIds, shot, index, next, pxPerSecond }: Props) {
  const selected = useStore(selectIsShotSelected(shot.id))
  const selectShot = useStore((s) => s.selectShot)
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: shot.id })
  const number = index + 1
  const classes = ['tl-shot', selected && 'tl-shot--selected', isDragging && 'tl-shot--dragging'].filter(Boolean).join(' ')
  return (
    <div
      ref={setNodeRef}
      className={classes}
      style={{ width: shot.duration * pxPerSecond, transform: CSS.Translate.toString(transform), transition }}
      onClick={() => selectShot(clipId, shot.id)}
    >
      <div className="tl-shot__top">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="tl-shot__grip"
          {...attributes}
          {...listeners}
          aria-label={`Move shot ${number} of clip ${clipNumber}`}
        >
          {gripIcon}
        </button>
        <span className="tl-shot__label"><span className="tl-shot__word">Shot </span>{number}</span>
        <span className="tl-shot__duration tabular">{shot.duration} s</span>
      </div>
      <PromptExcerpt text={shot.prompt} elementIds={elementIds} empty="No prompt yet" />
      {next && <ShotBoundaryHandle clipId={clipId} clipNumber={clipNumber} left={shot} leftNumber={number} right={next} pxPerSecond={pxPerSecond} />}
    </div>
  )
})
