import { Clapperboard, Play, RefreshCw, RotateCcw, Send, Wand2, X } from 'lucide-react'
import { useState } from 'react'
import { canCheckAgain } from '../../../../../shared/domain/check-again'
import type { Take } from '../../../../../shared/domain/project'
import { canSendAgain } from '../../../../../shared/domain/take-resend'
import { selectSettings } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { addNextShot } from '../next-shot/next-shot-actions'
import { useEditTakeStore } from '../edit/edit-take-store'
import { cancelTake, checkAgain, chooseTake, resolveUnknownTake } from './take-actions'
import { resendCost } from './take-cost'
import { isRunning } from './take-status'

type Props = { take: Take; chosen: boolean; playing: boolean; onPlay: () => void }

/** The buttons under a take: what the user can do with it in its current state. */
export function TakeActions({ take, chosen, playing, onPlay }: Props) {
  const [confirming, setConfirming] = useState(false)
  const settings = useStore(selectSettings)
  if (take.status === 'submit_unknown' && confirming) {
    const cost = settings ? resendCost(take, settings.prices) : null
    return (
      <div className="take-row__confirm" role="group" aria-label="Confirm resubmit">
        <p className="take-row__note">This may charge you again{cost ? `: ≈ ${cost}` : ''}. Check your MuleRouter dashboard first.</p>
        <div className="take-row__actions">
          <button type="button" className="btn btn--small btn--primary" onClick={() => void resolveUnknownTake(take.id, 'resubmit')}>
            <Send size={12} strokeWidth={2} aria-hidden /> Send again
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setConfirming(false)}>
            Back
          </button>
        </div>
      </div>
    )
  }
  // Before the POST nothing was sent and Cancel is real; after it MuleRouter has no cancel, so Omniboard only stops waiting.
  const sent = take.submittedAt !== null || take.taskId !== null
  return (
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
          <button type="button" className="btn btn--small" aria-haspopup="dialog" onClick={() => useEditTakeStore.getState().open(take.id)}>
            <Wand2 size={12} strokeWidth={2} aria-hidden /> Edit…
          </button>
          <button type="button" className="btn btn--small" title="A new clip after this one that follows this take’s camera, motion and style" onClick={() => addNextShot(take)}>
            <Clapperboard size={12} strokeWidth={2} aria-hidden /> New shot from this take
          </button>
        </>
      )}
      {isRunning(take.status) && (
        <button type="button" className="btn btn--small btn--ghost" onClick={() => void cancelTake(take.id)}>
          <X size={12} strokeWidth={2} aria-hidden /> {sent ? 'Stop waiting' : 'Cancel'}
        </button>
      )}
      {take.status === 'submit_unknown' && (
        <>
          <button type="button" className="btn btn--small" onClick={() => setConfirming(true)}>
            <Send size={12} strokeWidth={2} aria-hidden /> Resubmit…
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => void resolveUnknownTake(take.id, 'dismiss')}>
            Dismiss
          </button>
        </>
      )}
      {canSendAgain(take) && (
        // Provably never became a task (cut upload, 429, 401, 402, offline): sending again cannot pay twice.
        <button type="button" className="btn btn--small" onClick={() => void resolveUnknownTake(take.id, 'resubmit')}>
          <Send size={12} strokeWidth={2} aria-hidden /> Send again
        </button>
      )}
      {take.status !== 'completed' && !isRunning(take.status) && canCheckAgain(take) && (
        <button type="button" className="btn btn--small" onClick={() => void checkAgain(take.id)}>
          {take.status === 'stopped' ? <RefreshCw size={12} strokeWidth={2} aria-hidden /> : <RotateCcw size={12} strokeWidth={2} aria-hidden />} Check again
        </button>
      )}
    </div>
  )
}
