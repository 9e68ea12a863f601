import type { TakeStatus } from '../../../../shared/domain/project'
import { queuedTakeView, takeStatusView } from './take-status'

/** `queued`: journaled and never sent (`isQueuedTake`), which the status alone ("submitting") does not tell. */
export function TakeStatusPill({ status, queued = false }: { status: TakeStatus; queued?: boolean }) {
  const view = queued ? queuedTakeView : takeStatusView[status]
  return <span className={view.tone === 'neutral' ? 'pill' : `pill pill--${view.tone}`}>{view.label}</span>
}
