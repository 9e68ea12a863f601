import { Check } from 'lucide-react'
import type { Take } from '../../../../../shared/domain/project'
import { takeStateOf } from '../../../../../shared/domain/take-state'
import { selectTakeProgress } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { formatElapsed } from '../../../ui/format'
import { useQueueCondition } from '../../queue/use-queue-condition'
import { isRunning } from './take-status'
import { TakeActions } from './TakeActions'
import { TakeProgress } from './TakeProgress'
import { TakeStatusPill } from './TakeStatusPill'
import { useNow } from './use-now'
import { TakeJudging } from '../judging/TakeJudging'
import { editLineageWords } from '../../../../../shared/takes/lineage-words'

type Props = { take: Take; number: number; chosen: boolean; playing: boolean; onPlay: () => void }

export function TakeRow({ take, number, chosen, playing, onPlay }: Props) {
  const state = takeStateOf(take, useQueueCondition())
  // A take that waits has no progress to show, not even the last report of an attempt the account refused.
  const reported = useStore(selectTakeProgress(take.id))
  // A string, compared by value: a take row re-renders for its own lineage only.
  const lineage = useStore((s) => (take.edit ? editLineageWords(take, s.takes) : null))
  const progress = state.busy ? reported : null
  const running = isRunning(take.status)
  const now = useNow(running)
  const end = take.finishedAt ? Date.parse(take.finishedAt) : now
  const elapsed = progress && running ? progress.elapsedMs : end - Date.parse(take.createdAt)
  const classes = ['take-row', playing && 'take-row--playing', chosen && 'take-row--chosen'].filter(Boolean).join(' ')
  return (
    <li className={classes} aria-label={`Take ${number}`} tabIndex={0} data-take-id={take.id}>
      <div className="take-row__head">
        <span className="take-row__name">Take {number}</span>
        <TakeStatusPill state={state} />
        {chosen && <span className="pill pill--success"><Check size={10} strokeWidth={2.5} aria-hidden /> Chosen</span>}
        <span className="take-row__elapsed tabular" title="Elapsed">{formatElapsed(elapsed)}</span>
      </div>
      {lineage && <p className="take-row__lineage">{lineage}</p>}
      <TakeJudging take={take} number={number} />
      {state.busy && <TakeProgress take={take} progress={progress} />}
      {take.status === 'submit_unknown' && (
        <p className="take-row__note">
          The request may or may not have reached MuleRouter. Resubmitting could create a second paid task.
        </p>
      )}
      {take.status === 'stopped' && !take.error && (
        <p className="take-row__note">
          Omniboard stopped waiting. The task still runs at MuleRouter and may be charged; Check again fetches its video.
        </p>
      )}
      {take.error && take.status !== 'submit_unknown' && (
        <p className="take-row__error">
          {take.error.message} <span className="take-row__hint">{take.error.hint}</span>
        </p>
      )}
      <TakeActions take={take} chosen={chosen} playing={playing} onPlay={onPlay} />
    </li>
  )
}
