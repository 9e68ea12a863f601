import { shortModeLabel } from '../../../../shared/domain/api-rules'
import { chargedUsd, type LedgerRow, type LedgerStatus } from '../../../../shared/domain/spend'
import { formatUsd } from '../../../../shared/domain/cost'

type Tone = 'info' | 'accent' | 'success' | 'warning' | 'danger' | 'neutral'

/** What each ledger status means for the money, in the words the take list uses where they exist. */
export const ledgerStatusView: Record<LedgerStatus, { label: string; tone: Tone; note: string | null }> = {
  queued: { label: 'Queued', tone: 'info', note: 'not sent yet; counts against budgets, not in totals' },
  sent: { label: 'Generating', tone: 'accent', note: null },
  completed: { label: 'Done', tone: 'success', note: null },
  failed: { label: 'Failed', tone: 'danger', note: 'MuleRouter did not make it: not charged' },
  never_sent: { label: 'Never sent', tone: 'neutral', note: 'cancelled or refused before sending: nothing charged' },
  unknown: { label: 'Unconfirmed', tone: 'warning', note: 'may have been charged' },
  stopped: { label: 'Not followed', tone: 'warning', note: 'still runs at MuleRouter; may be charged' },
}

/** "≈ $1.40" for what a row counts, or "$0.00" with the estimate it would have cost. */
export function rowAmount(row: LedgerRow): { text: string; aside: string | null } {
  const charged = chargedUsd(row)
  if (charged > 0 || row.estimateUsd === 0) return { text: `≈ ${formatUsd(charged)}`, aside: null }
  return { text: formatUsd(0), aside: `est. ${formatUsd(row.estimateUsd)}` }
}

export const modeWord = (row: LedgerRow): string => shortModeLabel(row.mode)

/** "1 Dec, 14:05" in this computer's time: when the take was queued. */
export function rowTime(iso: string): string {
  const date = new Date(iso)
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
}
