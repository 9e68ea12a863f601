import type { LedgerRow } from '../../../shared/domain/spend'

/**
 * The app-wide record of what takes were queued and sent, across projects and processes (the app and the CLI),
 * which budgets are counted from. One row per take, updated as the take moves on.
 */
export interface SpendLedger {
  /** Adds or replaces the take's row; durable on disk before it resolves. */
  record(row: LedgerRow): Promise<void>
  /** Every row, as last recorded (including rows written by another Omniboard process since the last call). */
  rows(): Promise<readonly LedgerRow[]>
}
