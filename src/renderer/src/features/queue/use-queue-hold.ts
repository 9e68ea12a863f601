import { queueHoldView, takeWords, type TakeStateView } from '../../../../shared/domain/take-state'
import { selectTakes } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useQueueCondition } from './use-queue-condition'

/** Why the project's takes do not go out now ("Paused", "Waiting for connection"), or null when nothing holds them. */
export function useQueueHold(): TakeStateView | null {
  return queueHoldView(useStore(selectTakes), useQueueCondition())
}

export const isWaitingForConnection = (hold: TakeStateView | null): boolean => hold === takeWords.waitingForConnection
