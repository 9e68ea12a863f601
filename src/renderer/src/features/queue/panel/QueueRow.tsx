import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVertical, X } from 'lucide-react'
import { formatUsd } from '../../../../../shared/domain/cost'
import { describeUpload } from '../../../../../shared/domain/job-progress'
import type { Take } from '../../../../../shared/domain/project'
import { takeStateOf } from '../../../../../shared/domain/take-state'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import { selectClipById, selectClipIndex, selectPrices, selectTakeProgress } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { formatElapsed } from '../../../ui/format'
import { useNow } from '../../takes/list/use-now'
import { TakeStatusPill } from '../../takes/list/TakeStatusPill'
import { holdWords, takeEstimateUsd } from './queue-words'
import { useQueueCondition } from '../use-queue-condition'
import { cancelQueuedTake } from '../queue-actions'

type Props = { take: Take; queued: boolean }

/** One take in the Queue panel; a queued one can be dragged (or moved with Space and the arrows) and removed. */
export function QueueRow({ take, queued }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: take.id, disabled: !queued })
  const clipNumber = useStore(selectClipIndex(take.clipId)) + 1
  const title = useStore((s) => selectClipById(take.clipId)(s)?.title ?? '')
  const takeNumber = useStore((s) => takeNumberOf(s.takes, take.id))
  const progress = useStore(selectTakeProgress(take.id))
  const prices = useStore(selectPrices)
  const now = useNow(!queued)
  const state = takeStateOf(take, useQueueCondition())
  const estimate = takeEstimateUsd(take, prices)
  const hold = holdWords(take)
  const upload = progress && !queued && take.status === 'submitting' ? describeUpload(progress) : null
  const started = take.submittedAt ?? take.createdAt
  const elapsed = progress?.elapsedMs ?? now - Date.parse(started)
  const remaining = progress?.estimatedRemainingMs ?? null
  const name = `Clip ${clipNumber}, take ${takeNumber ?? '?'}`
  const style = { transform: CSS.Translate.toString(transform), transition }
  return (
    <li ref={setNodeRef} style={style} className={isDragging ? 'queue-row queue-row--dragging' : 'queue-row'} aria-label={name}>
      {queued ? (
        <button type="button" ref={setActivatorNodeRef} className="queue-row__grip" {...attributes} {...listeners} aria-label={`Move ${name} in the queue`}>
          <GripVertical size={14} strokeWidth={1.75} aria-hidden />
        </button>
      ) : (
        <span className="queue-row__grip queue-row__grip--fixed" aria-hidden="true" />
      )}
      <div className="queue-row__main">
        <div className="queue-row__head">
          <span className="queue-row__clip">Clip {clipNumber}</span>
          {title && <span className="queue-row__title">{title}</span>}
          <span className="queue-row__take">Take {takeNumber ?? '?'}</span>
        </div>
        <div className="queue-row__meta">
          <TakeStatusPill state={state} />
          {!queued && (
            <span className="tabular" title="Elapsed, and MuleRouter's estimate of what is left">
              {formatElapsed(elapsed)}
              {remaining !== null && ` · ≈ ${formatElapsed(remaining)} left`}
            </span>
          )}
          {estimate !== null && <span className="queue-row__cost tabular" title="Estimate from your price settings">≈ {formatUsd(estimate)} est.</span>}
        </div>
        {upload && <p className="queue-row__note tabular">{upload}</p>}
        {hold && <p className={take.hold?.reason === 'invalid' ? 'queue-row__hold queue-row__hold--invalid' : 'queue-row__hold'}>{hold}</p>}
      </div>
      {queued && (
        <button type="button" className="btn btn--ghost btn--icon queue-row__remove" aria-label={`Remove ${name} from the queue`} title="Remove from the queue: never sent, nothing charged" onClick={() => void cancelQueuedTake(take.id)}>
          <X size={14} strokeWidth={1.75} aria-hidden />
        </button>
      )}
    </li>
  )
}
