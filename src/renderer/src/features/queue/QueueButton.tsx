import { ListOrdered, Pause, WifiOff } from 'lucide-react'
import { useStore } from '../../store/store'
import { PauseReason } from './panel/PauseReason'
import { useQueueUi } from './queue-store'
import { queueCountOf } from './queue-takes'
import { isWaitingForConnection, useQueueHold } from './use-queue-hold'
import { useQueueState } from './use-queue-state'

/** The title bar's way into the Queue panel: a count of queued and running takes, and why the queue waits. */
export function QueueButton() {
  useQueueState()
  const count = useStore((s) => queueCountOf(s.takes))
  const open = useQueueUi((s) => s.open)
  const toggle = useQueueUi((s) => s.toggle)
  const state = useQueueUi((s) => s.state)
  const hold = useQueueHold()
  const waiting = isWaitingForConnection(hold)
  const HoldIcon = waiting ? WifiOff : Pause
  return (
    <>
      {hold && (
        <span
          className={hold.tone === 'neutral' ? 'pill queue-status' : `pill pill--${hold.tone} queue-status`}
          role="status"
          title={waiting ? 'Takes wait here until MuleRouter can be reached, then go on by themselves' : 'Nothing new is sent until you resume the queue'}
        >
          <HoldIcon size={12} strokeWidth={2} aria-hidden /> {hold.word}
        </span>
      )}
      {state?.pauseReason && <PauseReason reason={state.pauseReason} compact />}
      <button
        type="button"
        className="btn btn--ghost queue-button"
        aria-pressed={open}
        aria-label={count > 0 ? `Queue, ${count} queued or running` : 'Queue'}
        title="Queue (Ctrl/Cmd+Shift+Q)"
        onClick={toggle}
      >
        <ListOrdered size={16} strokeWidth={1.75} aria-hidden />
        Queue
        {count > 0 && <span className="queue-button__badge tabular" aria-hidden="true">{count}</span>}
      </button>
    </>
  )
}
