import type { TakeStatus } from '../../../../shared/domain/project'
import { queuedTakeView, refusedTakeView, takeStatusView } from './take-status'

/**
 * `queued`: journaled and never sent (`isQueuedTake`), which the status alone ("submitting") does not tell; `refused`:
 * failed because Kling would not make it (`isRefusedTake`), which "Failed" alone does not tell either.
 */
export function TakeStatusPill({ status, queued = false, refused = false }: { status: TakeStatus; queued?: boolean; refused?: boolean }) {
  const view = queued ? queuedTakeView : refused ? refusedTakeView : takeStatusView[status]
  return <span className={view.tone === 'neutral' ? 'pill' : `pill pill--${view.tone}`}>{view.label}</span>
}
