import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useMemo, useRef, useState } from 'react'
import { entryIndexAt } from '../../../../shared/cut/cut-time'
import { selectClipIds, selectClipIndex, selectShowTimelineHint } from '../../store/selectors'
import { useStore } from '../../store/store'
import { pauseLazyMounting, resumeLazyMounting } from '../../ui/use-near-viewport'
import { FilmPlayhead } from '../film/FilmPlayhead'
import { useFilmStore } from '../film/film-store'
import { clipAnnouncements } from './announcements'
import { addClipInView } from './clip-actions'
import { TimelineClip } from './TimelineClip'
import { TimelineHeader } from './TimelineHeader'
import { clipOffsets, trackItems } from './track-layout'
import { useClipWidths } from './use-clip-widths'
import { outsideSpan, useVisibleSpan } from './use-visible-span'
import { useTimelineWheel } from './use-timeline-wheel'
import { useScriptDrop } from '../script-import/use-script-drop'
import { useRevealClip } from './reveal-clip'
import { AudioLanes } from '../audio-lanes/AudioLanes'
import './timeline.css'

export const DEFAULT_PX_PER_SECOND = 40
/** The track's `gap` (timeline.css, --space-2). */
const TRACK_GAP_PX = 8

export function Timeline() {
  const clipIds = useStore(selectClipIds)
  const [pxPerSecond, setPxPerSecond] = useState(DEFAULT_PX_PER_SECOND)
  const showHint = useStore(selectShowTimelineHint)
  const track = useRef<HTMLDivElement>(null)
  useTimelineWheel(track, setPxPerSecond)
  const widths = useClipWidths(pxPerSecond)
  const offsets = useMemo(() => clipOffsets(widths, TRACK_GAP_PX), [widths])
  const span = useVisibleSpan(track, offsets, widths)
  useRevealClip(track, clipIds, offsets)
  // Kept mounted wherever they are: the focused clip, the one a drag carries, the one the film plays.
  const selectedIndex = useStore((s) => outsideSpan(selectClipIndex(s.selectedClipId ?? '')(s), span))
  const playingIndex = useFilmStore((s) => outsideSpan(s.open && s.plan ? entryIndexAt(s.plan, s.time) : -1, span))
  const [draggedId, setDraggedId] = useState<string | null>(null)
  const scriptDrop = useScriptDrop()
  const draggedIndex = draggedId === null ? -1 : clipIds.indexOf(draggedId)
  const items = useMemo(
    () => trackItems(offsets, widths, span, [selectedIndex, draggedIndex, playingIndex]),
    [offsets, widths, span, selectedIndex, draggedIndex, playingIndex],
  )
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  function onDragStart({ active }: DragStartEvent) {
    pauseLazyMounting()
    setDraggedId(String(active.id))
  }

  function onDragCancel() {
    resumeLazyMounting()
    setDraggedId(null)
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    onDragCancel()
    if (!over || active.id === over.id) return
    const toIndex = clipIds.indexOf(String(over.id))
    useStore.getState().edit({ type: 'moveClip', clipId: String(active.id), toIndex })
  }

  return (
    <section className={`timeline${scriptDrop.over ? ' timeline--script-over' : ''}`} aria-label="Timeline" {...scriptDrop.handlers}>
      <div className="timeline__clips">
        <TimelineHeader pxPerSecond={pxPerSecond} onZoom={setPxPerSecond} onAddClip={() => addClipInView(track.current)} />
        <div ref={track} className="timeline__track">
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onDragCancel={onDragCancel}
            accessibility={{ announcements: clipAnnouncements(clipIds) }}
          >
            <SortableContext items={clipIds} strategy={horizontalListSortingStrategy}>
              {items.map((item) =>
                item.kind === 'gap' ? (
                  <div key={item.key} className="timeline__gap" style={{ width: item.width }} aria-hidden="true" />
                ) : (
                  <TimelineClip key={clipIds[item.index]} clipId={clipIds[item.index]!} index={item.index} width={widths[item.index]!} pxPerSecond={pxPerSecond} />
                ),
              )}
            </SortableContext>
          </DndContext>
          {showHint && <p className="timeline__hint">Drop images from your computer straight onto a slot. Each clip is up to 15 s; add more with + Clip.</p>}
          <FilmPlayhead />
        </div>
      </div>
      <AudioLanes pxPerSecond={pxPerSecond} />
      {scriptDrop.over && <p className="timeline__drop-label">Drop a screenplay to break it down into clips</p>}
    </section>
  )
}
