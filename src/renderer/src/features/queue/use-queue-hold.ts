import { queueHoldView, takeWords, type TakeStateView } from '../../../../shared/domain/take-state'
import { useStore } from '../../store/store'
import { queueCountOf } from './queue-takes'
import { useQueueCondition } from './use-queue-condition'

/** Why the project's takes do not go out now ("Paused", "Waiting for connection"), or null when nothing holds them. */
export function useQueueHold(): TakeStateView | null {
  const active = useStore((s) => queueCountOf(s.takes))
  return queueHoldView(useQueueCondition(), active)
}

export const isWaitingForConnection = (hold: TakeStateView | null): boolean => hold === takeWords.waitingForConnection
