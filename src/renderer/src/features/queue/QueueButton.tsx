import { ListOrdered } from 'lucide-react'
import { useStore } from '../../store/store'
import { PauseReason } from './PauseReason'
import { useQueueUi } from './queue-store'
import { queueCountOf } from './queue-takes'
import { queueStateWords } from './queue-state-words'
import { useQueueState } from './use-queue-state'

/** The title bar's way into the Queue panel: a count of queued and running takes, and why the queue waits. */
export function QueueButton() {
  useQueueState()
  const count = useStore((s) => queueCountOf(s.takes))
  const open = useQueueUi((s) => s.open)
  const toggle = useQueueUi((s) => s.toggle)
  const state = useQueueUi((s) => s.state)
  const words = state ? queueStateWords(state).filter((word) => word === 'Paused' || word.endsWith('waiting for connection')) : []
  return (
    <>
      {words.length > 0 && (
        <span className="pill pill--warning queue-status" role="status">
          {words.join(' · ')}
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
