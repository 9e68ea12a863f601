import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { usesShotDurations } from '../../../../../shared/domain/shot-durations'
import { memo } from 'react'
import { selectClipById } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { clipAnnouncements } from '../drag-announcements'
import { PromptExcerpt } from '../clips/PromptExcerpt'
import { ShotSegment } from './ShotSegment'

type Props = { clipId: string; clipNumber: number; pxPerSecond: number }

/** The part of a clip that shows its prompt: the only timeline component a keystroke in the prompt reaches. */
export const ShotTrack = memo(function ShotTrack({ clipId, clipNumber, pxPerSecond }: Props) {
  const clip = useStore(selectClipById(clipId))
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const selectClip = useStore((s) => s.selectClip)
  if (!clip) return null
  const shotIds = clip.shots.map((s) => s.id)

  if (!usesShotDurations(clip) || clip.shots.length === 0) {
    const kind = clip.multiShot ? 'Intelligent multi-shot' : 'Single prompt'
    return (
      <button type="button" className="tl-shots tl-shots--single" onClick={() => selectClip(clip.id)} aria-label={`Clip ${clipNumber}: ${kind}`}>
        <span className="tl-shot__label caps-label">{kind}</span>
        <PromptExcerpt text={clip.prompt} elementIds={clip.elementIds} empty="Describe the video in the prompt above" />
      </button>
    )
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return
    useStore.getState().edit({ type: 'moveShot', clipId, shotId: String(active.id), toIndex: shotIds.indexOf(String(over.id)) })
  }

  return (
    <div className="tl-shots">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: clipAnnouncements(shotIds, 'shot') }}
      >
        <SortableContext items={shotIds} strategy={horizontalListSortingStrategy}>
          {clip.shots.map((shot, i) => (
            <ShotSegment
              key={shot.id}
              clipId={clip.id}
              clipNumber={clipNumber}
              elementIds={clip.elementIds}
              shot={shot}
              index={i}
              next={clip.shots[i + 1] ?? null}
              pxPerSecond={pxPerSecond}
            />
          ))}
        </SortableContext>
      </DndContext>
    </div>
  )
})
