import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { ListOrdered, X } from 'lucide-react'
import { useEffect } from 'react'
import { useStore } from '../../../store/store'
import { QueueControls } from './QueueControls'
import { QueueRow } from './QueueRow'
import { useQueueUi } from '../queue-store'
import { queueTakesOf } from '../queue-takes'
import { reorderQueue } from '../queue-actions'
import { refreshQueueState } from '../use-queue-state'
import './queue.css'

/** Every take of the project that is queued or out at MuleRouter, in the order the queue sends them. */
export function QueuePanel() {
  const open = useQueueUi((s) => s.open)
  const close = useQueueUi((s) => s.close)
  const { running, queued } = useStore((s) => queueTakesOf(s.takes))
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  useEffect(() => {
    if (open) void refreshQueueState()
  }, [open])
  if (!open) return null
  const queuedIds = queued.map((take) => take.id)

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return
    void reorderQueue(arrayMove(queuedIds, queuedIds.indexOf(String(active.id)), queuedIds.indexOf(String(over.id))))
  }

  return (
    <aside className="queue-panel" aria-label="Queue">
      <div className="queue-panel__header">
        <ListOrdered size={16} strokeWidth={1.75} aria-hidden />
        <h2 className="queue-panel__title">Queue</h2>
        <span className="queue-panel__counts tabular">
          {running.length} sent · {queued.length} queued
        </span>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close the queue" title="Close (Ctrl/Cmd+Shift+Q)" onClick={close}>
          <X size={16} strokeWidth={1.75} aria-hidden />
        </button>
      </div>
      <QueueControls />
      {running.length + queued.length === 0 ? (
        <p className="queue-panel__empty">Nothing queued. Select clips on the timeline and Generate, or choose Generate all from the Generate menu.</p>
      ) : (
        <div className="queue-panel__scroll">
          {running.length > 0 && (
            <section aria-label="Sent">
              <h3 className="caps-label queue-panel__group">Sent to MuleRouter</h3>
              <ul className="queue-panel__list">
                {running.map((take) => <QueueRow key={take.id} take={take} queued={false} />)}
              </ul>
            </section>
          )}
          {queued.length > 0 && (
            <section aria-label="Queued">
              <h3 className="caps-label queue-panel__group">Queued, in the order they go · drag to reorder</h3>
              <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
                <SortableContext items={queuedIds} strategy={verticalListSortingStrategy}>
                  <ul className="queue-panel__list">
                    {queued.map((take) => <QueueRow key={take.id} take={take} queued />)}
                  </ul>
                </SortableContext>
              </DndContext>
            </section>
          )}
        </div>
      )}
    </aside>
  )
}
