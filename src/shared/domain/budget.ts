import { roundUsd } from './cost'
import type { Take } from './project'
import { chargedUsd, type BudgetCaps, type BudgetScope, type BudgetStanding, type LedgerRow, type LedgerStatus } from './spend'

/** The ledger's word for where a take stands, from what its journal says. */
export function ledgerStatusOf(take: Pick<Take, 'status' | 'submittedAt' | 'taskId'>): LedgerStatus {
  switch (take.status) {
    case 'submitting':
      return take.submittedAt === null && take.taskId === null ? 'queued' : 'sent'
    case 'pending':
    case 'processing':
    case 'downloading':
      return 'sent'
    case 'completed':
      return 'completed'
    case 'submit_unknown':
      return 'unknown'
    case 'stopped':
      return 'stopped'
    case 'cancelled':
      // Cancelled after a POST whose outcome was unknown (Dismiss) may still have been charged.
      return take.submittedAt !== null || take.taskId !== null ? 'unknown' : 'never_sent'
    case 'failed':
      return take.taskId === null && take.submittedAt === null ? 'never_sent' : 'failed'
  }
}

/** "2026-12-01" and "2026-12" in this computer's local time: a budget day is the user's day. */
export const dayKey = (iso: string): string => localDate(iso).slice(0, 10)
export const monthKey = (iso: string): string => localDate(iso).slice(0, 7)

function localDate(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Counted against a cap: what may have been charged, and what is queued and would be charged when sent. */
export const committedUsdOf = (row: Pick<LedgerRow, 'status' | 'estimateUsd'>): number => (row.status === 'queued' ? row.estimateUsd : chargedUsd(row))

export interface BudgetInput {
  caps: BudgetCaps
  /** The open project's cap (null = none) and id. */
  project: { id: string; capUsd: number | null }
  rows: readonly LedgerRow[]
  now: string
  /** What the plan adds; 0 to see where the caps stand. */
  planUsd: number
  /** Rows of takes the plan replaces or already counts (e.g. the take being sent); left out of committed. */
  excludeTakeIds?: ReadonlySet<string>
}

/** Every cap that is set, with what is committed against it and what the plan would leave. */
export function budgetStandings(input: BudgetInput): BudgetStanding[] {
  const today = dayKey(input.now)
  const month = monthKey(input.now)
  const rows = input.rows.filter((row) => !input.excludeTakeIds?.has(row.takeId))
  const sum = (keep: (row: LedgerRow) => boolean): number => roundUsd(rows.filter(keep).reduce((total, row) => total + committedUsdOf(row), 0))
  const caps: [BudgetScope, number | null, (row: LedgerRow) => boolean][] = [
    ['project', input.project.capUsd, (row) => row.projectId === input.project.id],
    ['day', input.caps.dailyUsd, (row) => dayKey(row.queuedAt) === today],
    ['month', input.caps.monthlyUsd, (row) => monthKey(row.queuedAt) === month],
  ]
  const standings: BudgetStanding[] = []
  for (const [scope, capUsd, keep] of caps) {
    if (capUsd === null) continue
    const committedUsd = sum(keep)
    standings.push({ scope, capUsd, committedUsd, leftAfterUsd: roundUsd(capUsd - committedUsd - input.planUsd) })
  }
  return standings
}

/** The caps a plan passes, worst first by how much. */
export const passedCaps = (standings: readonly BudgetStanding[]): BudgetStanding[] =>
  standings.filter((standing) => standing.leftAfterUsd < 0).sort((a, b) => a.leftAfterUsd - b.leftAfterUsd)

const scopeWords: Record<BudgetScope, string> = { project: "this project's", day: "today's", month: "this month's" }

/** "$20.00 budget" phrases for messages: "today's $20.00 budget". */
export const capPhrase = (standing: Pick<BudgetStanding, 'scope' | 'capUsd'>, format: (usd: number) => string): string =>
  `${scopeWords[standing.scope]} ${format(standing.capUsd)} budget`
