import { Check, Play, RotateCcw, Send, X } from 'lucide-react'
import type { Take } from '../../../../shared/domain/project'
import { canSendAgain } from '../../../../shared/domain/take-resend'
import { selectTakeProgress } from '../../store/selectors'
import { useStore } from '../../store/store'
import { formatElapsed } from '../../ui/format'
import { cancelTake, chooseTake, resolveUnknownTake, retryDownload } from './take-actions'
import { isRunning } from './take-status'
import { TakeProgress } from './TakeProgress'
import { TakeStatusPill } from './TakeStatusPill'
import { useNow } from './use-now'

type Props = { take: Take; number: number; chosen: boolean; playing: boolean; onPlay: () => void }

export function TakeRow({ take, number, chosen, playing, onPlay }: Props) {
  const progress = useStore(selectTakeProgress(take.id))
  const running = isRunning(take.status)
  const now = useNow(running)
  const end = take.finishedAt ? Date.parse(take.finishedAt) : now
  const elapsed = progress && running ? progress.elapsedMs : end - Date.parse(take.createdAt)
  const classes = ['take-row', playing && 'take-row--playing', chosen && 'take-row--chosen'].filter(Boolean).join(' ')
  return (
    <li className={classes} aria-label={`Take ${number}`}>
      <div className="take-row__head">
        <span className="take-row__name">Take {number}</span>
        <TakeStatusPill status={take.status} />
        {chosen && <span className="pill pill--success"><Check size={10} strokeWidth={2.5} aria-hidden /> Chosen</span>}
        <span className="take-row__elapsed tabular" title="Elapsed">{formatElapsed(elapsed)}</span>
      </div>
      {running && <TakeProgress take={take} progress={progress} />}
      {take.status === 'submit_unknown' && (
        <p className="take-row__note">
          The request may or may not have reached MuleRouter. Resubmitting could create a second paid task.
        </p>
      )}
      {take.error && take.status !== 'submit_unknown' && (
        <p className="take-row__error">
          {take.error.message} <span className="take-row__hint">{take.error.hint}</span>
        </p>
      )}
      <div className="take-row__actions">
        {take.status === 'completed' && (
          <>
            <button type="button" className="btn btn--small" aria-pressed={playing} onClick={onPlay}>
              <Play size={12} strokeWidth={2} aria-hidden /> Play
            </button>
            {!chosen && (
              <button type="button" className="btn btn--small" onClick={() => chooseTake(take.clipId, take.id)}>
                Use this take
              </button>
            )}
          </>
        )}
        {running && (
          <button type="button" className="btn btn--small btn--ghost" onClick={() => void cancelTake(take.id)}>
            <X size={12} strokeWidth={2} aria-hidden /> Cancel
          </button>
        )}
        {take.status === 'submit_unknown' && (
          <>
            <button type="button" className="btn btn--small" onClick={() => void resolveUnknownTake(take.id, 'resubmit')}>
              <Send size={12} strokeWidth={2} aria-hidden /> Resubmit
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => void resolveUnknownTake(take.id, 'dismiss')}>
              Dismiss
            </button>
          </>
        )}
        {canSendAgain(take) && (
          <button type="button" className="btn btn--small" onClick={() => void resolveUnknownTake(take.id, 'resubmit')}>
            <Send size={12} strokeWidth={2} aria-hidden /> Send again
          </button>
        )}
        {take.status === 'failed' && take.error?.code === 'download_failed' && (
          <button type="button" className="btn btn--small" onClick={() => void retryDownload(take.id)}>
            <RotateCcw size={12} strokeWidth={2} aria-hidden /> Retry download
          </button>
        )}
      </div>
    </li>
  )
}
