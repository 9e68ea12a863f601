import type { TakeStatus } from '../../../../shared/domain/project'
import { takeStatusView } from './take-status'

export function TakeStatusPill({ status }: { status: TakeStatus }) {
  const view = takeStatusView[status]
  return <span className={view.tone === 'neutral' ? 'pill' : `pill pill--${view.tone}`}>{view.label}</span>
}
