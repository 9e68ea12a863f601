import { reorderedPositions } from '../../../../shared/domain/queue-order'
import { call } from '../../ipc/client'
import { useStore } from '../../store/store'
import { useQueueUi } from './queue-store'

/** A queued take was never sent, so removing it costs nothing and needs no confirm. */
export async function cancelQueuedTake(takeId: string): Promise<void> {
  const take = await call('generation:cancel', { takeId })
  if (!take) return
  useStore.getState().upsertTake(take)
  useStore.getState().pushToast({ tone: 'info', message: 'Removed from the queue: never sent, nothing charged.', tie: 'project' })
}

/**
 * The queued takes in their new order, shown at once. Main numbers the line with the same rule and announces only
 * the takes whose number changed, so the others must already hold the number main gives them.
 */
export async function reorderQueue(takeIds: string[]): Promise<void> {
  const store = useStore.getState()
  const positions = reorderedPositions(store.takes, takeIds)
  for (const take of store.takes) {
    const position = positions.get(take.id)
    if (position !== undefined && position !== take.queuePosition) store.upsertTake({ ...take, queuePosition: position })
  }
  const state = await call('queue:reorder', { takeIds })
  if (state) useQueueUi.getState().setState(state)
}

export async function setQueuePaused(paused: boolean): Promise<void> {
  const state = await call('queue:setPaused', { paused })
  if (state) useQueueUi.getState().setState(state)
}
