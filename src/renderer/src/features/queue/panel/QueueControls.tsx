import { Pause, Play, WifiOff } from 'lucide-react'
import { PauseReason } from './PauseReason'
import { useQueueUi } from '../queue-store'
import { setQueuePaused } from '../queue-actions'
import { queueStateWords } from './queue-state-words'
import { isWaitingForConnection, useQueueHold } from '../use-queue-hold'

/** Pause / Resume for the whole queue, and why it is not sending if it is not. */
export function QueueControls() {
  const state = useQueueUi((s) => s.state)
  const hold = useQueueHold()
  if (!state) return null
  const words = queueStateWords(state, hold)
  return (
    <div className="queue-controls" role="status">
      {isWaitingForConnection(hold) && <WifiOff size={14} strokeWidth={1.75} aria-hidden />}
      <span className="queue-controls__state">{words.length > 0 ? words.join(' · ') : `Sending up to ${state.concurrency.effective} at once`}</span>
      <button
        type="button"
        className="btn btn--small"
        title={state.paused ? 'Send queued takes again' : 'Send nothing new; what is out carries on'}
        onClick={() => void setQueuePaused(!state.paused)}
      >
        {state.paused ? <Play size={12} strokeWidth={2} aria-hidden /> : <Pause size={12} strokeWidth={2} aria-hidden />}
        {state.paused ? 'Resume queue' : 'Pause queue'}
      </button>
      {state.pauseReason && <PauseReason reason={state.pauseReason} />}
    </div>
  )
}
