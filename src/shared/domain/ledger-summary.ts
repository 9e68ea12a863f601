import { dayKey, monthKey } from './budget'
import { roundUsd } from './cost'
import { chargedUsd, type LedgerRow, type LedgerSummary } from './spend'

type Total = LedgerSummary['totals']['byDay'][number]

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "1 Dec 2026" from "2026-12-01"; spelled out here so the label does not depend on the machine's locale. */
export function dayLabel(key: string): string {
  const [year, month, day] = key.split('-')
  return `${Number(day)} ${monthNames[Number(month) - 1]?.slice(0, 3) ?? month} ${year}`
}

/** "December 2026" from "2026-12". */
export function monthLabel(key: string): string {
  const [year, month] = key.split('-')
  return `${monthNames[Number(month) - 1] ?? month} ${year}`
}

/** Newest first by when the take was queued; the take id breaks ties so the order never flickers between reads. */
const newestFirst = (a: LedgerRow, b: LedgerRow): number => b.queuedAt.localeCompare(a.queuedAt) || b.takeId.localeCompare(a.takeId)

/**
 * The ledger as the spend view shows it. Totals count what may have been charged (`chargedUsd`: failed and
 * never-sent takes add $0, unknown ones their estimate) and leave queued takes out entirely, amount and count,
 * until they are sent; the rows list every take, queued ones too. Days and months are this computer's local time.
 */
export function summariseLedger(rows: readonly LedgerRow[]): LedgerSummary {
  const sorted = [...rows].sort(newestFirst)
  const counted = sorted.filter((row) => row.status !== 'queued')
  return {
    rows: sorted,
    totals: {
      // The newest row carries the project's current name: a renamed project shows under its new name.
      byProject: totalsBy(counted, (row) => row.projectId, (_key, newest) => newest.projectName),
      byDay: totalsBy(counted, (row) => dayKey(row.queuedAt), dayLabel),
      byMonth: totalsBy(counted, (row) => monthKey(row.queuedAt), monthLabel),
      allUsd: roundUsd(counted.reduce((sum, row) => sum + chargedUsd(row), 0)),
    },
  }
}

/** One total per key, in the order of each key's newest row (rows come newest first). */
function totalsBy(rows: readonly LedgerRow[], keyOf: (row: LedgerRow) => string, labelOf: (key: string, newest: LedgerRow) => string): Total[] {
  const totals = new Map<string, Total>()
  for (const row of rows) {
    const key = keyOf(row)
    const total = totals.get(key) ?? { key, label: labelOf(key, row), usd: 0, takes: 0 }
    totals.set(key, { ...total, usd: total.usd + chargedUsd(row), takes: total.takes + 1 })
  }
  return [...totals.values()].map((total) => ({ ...total, usd: roundUsd(total.usd) }))
}

/** Sums of float estimates drift (0.1 + 0.2); a hundredth of a cent is finer than any rate. */