import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useMemo, useRef, useState } from 'react'
import { entryIndexAt } from '../../../../shared/cut/cut-time'
import { selectClipIds, selectClipIndex, selectShowTimelineHint } from '../../store/selectors'
import { useStore } from '../../store/store'
import { pauseLazyMounting, resumeLazyMounting } from '../../ui/use-near-viewport'
import { FilmPlayhead } from '../film/FilmPlayhead'
import { useFilmStore } from '../film/film-store'
import { clipAnnouncements } from './drag-announcements'
import { addClipInView } from './clip-actions'
import { TimelineClip } from './clips/TimelineClip'
import { TimelineHeader } from './TimelineHeader'
import { trackItems } from './track-layout'
import { useTrackGeometry } from './use-track-geometry'
import { outsideSpan, useVisibleSpan } from './use-visible-span'
import { useTimelineWheel } from './use-timeline-wheel'
import { useScriptDrop } from '../script/import/use-script-drop'
import { useRevealClip } from './reveal-clip'
import { AudioLanes } from './audio-lanes/AudioLanes'
import { LANE_LABEL_PX } from './audio-lanes/lane-geometry'
import { useLanesEndSeconds } from './audio-lanes/use-lanes-end'
import { xOfSeconds } from './track-geometry'
import './timeline.css'

export const DEFAULT_PX_PER_SECOND = 40

export function Timeline() {
  const clipIds = useStore(selectClipIds)
  const [pxPerSecond, setPxPerSecond] = useState(DEFAULT_PX_PER_SECOND)
  const showHint = useStore(selectShowTimelineHint)
  const track = useRef<HTMLDivElement>(null)
  useTimelineWheel(track, setPxPerSecond)
  const geometry = useTrackGeometry(pxPerSecond)
  const { widths, offsets } = geometry
  const hasLanes = useStore((s) => (s.doc?.mix?.lanes.length ?? 0) > 0)
  // The track runs on under sound placed past the last clip, so the lanes scrolled with it can show all of it.
  const endX = Math.max(geometry.endX, xOfSeconds(geometry, useLanesEndSeconds(), 'end'))
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
        <div className="timeline__track-row">
          {hasLanes && <div className="timeline__gutter caps-label" style={{ width: LANE_LABEL_PX }}>Clips</div>}
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
            {endX > geometry.endX && <div className="timeline__gap" style={{ width: endX - geometry.endX }} aria-hidden="true" />}
            {showHint && <p className="timeline__hint">Drop images from your computer straight onto a slot. Each clip is up to 15 s; add more with + Clip.</p>}
            <FilmPlayhead geometry={geometry} />
          </div>
        </div>
      </div>
      <AudioLanes geometry={geometry} track={track} endX={endX} />
      {scriptDrop.over && <p className="timeline__drop-label">Drop a screenplay to break it down into clips</p>}
    </section>
  )
}
