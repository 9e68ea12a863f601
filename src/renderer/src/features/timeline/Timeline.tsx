import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectClipIds, selectShowTimelineHint } from '../../store/selectors'
import { useStore } from '../../store/store'
import { pauseLazyMounting, resumeLazyMounting } from '../../ui/use-near-viewport'
import { FilmPlayhead } from '../film/FilmPlayhead'
import { clipAnnouncements } from './announcements'
import { addClipInView } from './clip-actions'
import { TimelineClip } from './TimelineClip'
import { TimelineHeader } from './TimelineHeader'
import { useTimelineWheel } from './use-timeline-wheel'
import './timeline.css'

export const DEFAULT_PX_PER_SECOND = 40

export function Timeline() {
  const clipIds = useStore(useShallow(selectClipIds))
  const [pxPerSecond, setPxPerSecond] = useState(DEFAULT_PX_PER_SECOND)
  const showHint = useStore(selectShowTimelineHint)
  const track = useRef<HTMLDivElement>(null)
  useTimelineWheel(track, setPxPerSecond)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  function onDragEnd({ active, over }: DragEndEvent) {
    resumeLazyMounting()
    if (!over || active.id === over.id) return
    const toIndex = clipIds.indexOf(String(over.id))
    useStore.getState().edit({ type: 'moveClip', clipId: String(active.id), toIndex })
  }

  return (
    <section className="timeline" aria-label="Timeline">
      <TimelineHeader pxPerSecond={pxPerSecond} onZoom={setPxPerSecond} onAddClip={() => addClipInView(track.current)} />
      <div ref={track} className="timeline__track">
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragStart={pauseLazyMounting}
          onDragEnd={onDragEnd}
          onDragCancel={resumeLazyMounting}
          accessibility={{ announcements: clipAnnouncements(clipIds) }}
        >
          <SortableContext items={clipIds} strategy={horizontalListSortingStrategy}>
            {clipIds.map((id, index) => (
              <TimelineClip key={id} clipId={id} index={index} pxPerSecond={pxPerSecond} />
            ))}
          </SortableContext>
        </DndContext>
        {showHint && <p className="timeline__hint">Drop images from your computer straight onto a slot. Each clip is up to 15 s; add more with + Clip.</p>}
        <FilmPlayhead />
      </div>
    </section>
  )
}
