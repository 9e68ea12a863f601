import { call } from '../../../ipc/client'
import { useStore } from '../../../store/store'

export { checkAgain } from './take-notifications'

export async function cancelTake(takeId: string): Promise<void> {
  const take = await call('generation:cancel', { takeId })
  if (take) useStore.getState().upsertTake(take)
}

export async function resolveUnknownTake(takeId: string, action: 'resubmit' | 'dismiss'): Promise<void> {
  const take = await call('generation:resolveUnknown', { takeId, action })
  if (take) useStore.getState().upsertTake(take)
}

export function chooseTake(clipId: string, takeId: string | null): void {
  useStore.getState().edit({ type: 'chooseTake', clipId, takeId })
}
