import { useMemo } from 'react'
import type { QueueCondition } from '../../../../shared/domain/take-state'
import { selectOnline } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useQueueUi } from './queue-store'

/** Where the queue and the connection stand, for `takeStateOf`: the engine's word, and the window's own offline. */
export function useQueueCondition(): QueueCondition {
  const online = useStore(selectOnline)
  const paused = useQueueUi((s) => s.state?.paused ?? false)
  const pauseReason = useQueueUi((s) => s.state?.pauseReason ?? null)
  const reachable = useQueueUi((s) => s.state?.connected ?? true)
  const connected = online && reachable
  return useMemo(() => ({ paused, pauseReason, connected }), [paused, pauseReason, connected])
}
