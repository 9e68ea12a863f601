import { call } from '../../../ipc/client'
import { useStore } from '../../../store/store'

// What a take's buttons (in its row or its toast) ask main or the document to do with that take.

export async function cancelTake(takeId: string): Promise<void> {
  const take = await call('generation:cancel', { takeId })
  if (take) useStore.getState().upsertTake(take)
}

export async function resolveUnknownTake(takeId: string, action: 'resubmit' | 'dismiss'): Promise<void> {
  const take = await call('generation:resolveUnknown', { takeId, action })
  if (take) useStore.getState().upsertTake(take)
}

export async function checkAgain(takeId: string): Promise<void> {
  const take = await call('generation:checkAgain', { takeId })
  if (take) useStore.getState().upsertTake(take)
}

export function chooseTake(clipId: string, takeId: string | null): void {
  useStore.getState().edit({ type: 'chooseTake', clipId, takeId })
}
