import { encodeCsv } from './csv'
import { dayKey, monthKey } from '../domain/budget'
import { chargedUsd, type LedgerRow, type LedgerStatus } from '../domain/spend'

/** Every money column says it is an estimate: the ledger counts the user's own rates, MuleRouter bills the truth. */
export const ledgerCsvColumns = [
  'Date',
  'Project',
  'Clip',
  'Mode',
  'Duration (s)',
  'Sound',
  'Rate (estimated USD per second)',
  'Estimate (USD, estimate)',
  'Counted (USD, estimate)',
  'Status',
  'Take ID',
] as const

const statusWords: Record<LedgerStatus, string> = {
  queued: 'queued (not sent)',
  sent: 'sent',
  completed: 'completed',
  failed: 'failed',
  never_sent: 'never sent',
  unknown: 'unknown (may be charged)',
  stopped: 'stopped',
}

/** The ledger as a spreadsheet, rows in the order given (the summary's newest first). */
export function writeLedgerCsv(rows: readonly LedgerRow[]): string {
  return encodeCsv([[...ledgerCsvColumns], ...rows.map(csvRecord)])
}

function csvRecord(row: LedgerRow): string[] {
  return [
    localDateTime(row.queuedAt),
    row.projectName,
    row.clipTitle,
    row.mode,
    String(row.durationSeconds),
    row.sound,
    String(row.ratePerSecond),
    // Unrounded, so the column sums in a spreadsheet match the app's totals.
    String(row.estimateUsd),
    String(chargedUsd(row)),
    statusWords[row.status],
    row.takeId,
  ]
}

/** "2026-12-01 14:05" in this computer's local time, the day the budgets count the take in. */
function localDateTime(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${dayKey(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** "omniboard-spend-2026-12.csv": the month the export was made in. */
export const ledgerCsvFileName = (nowIso: string): string => `omniboard-spend-${monthKey(nowIso)}.csv`
