import { CheckCircle2, CircleAlert, Clock, LoaderCircle, Pause, WifiOff } from 'lucide-react'
import { clipTakeStateOf, takeWords, type TakeStateView } from '../../../../../shared/domain/take-state'
import { selectChosenTakeId, selectClipTakes } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useQueueCondition } from '../../queue/use-queue-condition'

/** The spinner only for a take that moves; a still icon for one that waits. */
function StateIcon({ state }: { state: TakeStateView }) {
  const props = { size: 12, strokeWidth: 2, 'aria-label': state.word }
  if (state.busy) return <LoaderCircle className="spin" {...props} />
  if (state === takeWords.paused || state === takeWords.pausedByMuleRouter) return <Pause {...props} />
  if (state === takeWords.waitingForConnection) return <WifiOff {...props} />
  if (state === takeWords.queued) return <Clock {...props} />
  return <CircleAlert {...props} />
}

/** Where a clip's takes stand (in the take list's words), or that it has a chosen take, without selecting it. */
export function ClipTakeBadge({ clipId }: { clipId: string }) {
  const state = clipTakeStateOf(useStore(selectClipTakes(clipId)), useQueueCondition())
  const chosen = useStore(selectChosenTakeId(clipId))
  if (state) {
    return (
      <span className={`tl-clip__badge tl-clip__badge--${state.tone}`} title={state.word}>
        <StateIcon state={state} />
      </span>
    )
  }
  if (chosen) {
    return (
      <span className="tl-clip__badge tl-clip__badge--done" title="Has a chosen take">
        <CheckCircle2 size={12} strokeWidth={2} aria-label="Has a chosen take" />
      </span>
    )
  }
  return null
}
