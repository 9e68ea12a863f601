import { CheckCircle2, LoaderCircle } from 'lucide-react'
import { selectChosenTakeId, selectClipHasRunningTake } from '../../store/selectors'
import { useStore } from '../../store/store'

/** Whether a clip has a take running or chosen, readable from the timeline without selecting it. */
export function ClipTakeBadge({ clipId }: { clipId: string }) {
  const running = useStore(selectClipHasRunningTake(clipId))
  const chosen = useStore(selectChosenTakeId(clipId))
  if (running) {
    return (
      <span className="tl-clip__badge" title="Generating">
        <LoaderCircle className="spin" size={12} strokeWidth={2} aria-label="Generating" />
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
