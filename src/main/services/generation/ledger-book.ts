import { ledgerStatusOf } from '../../../shared/domain/budget'
import type { Project, Take } from '../../../shared/domain/project'
import type { LedgerRow } from '../../../shared/domain/spend'
import type { SpendLedger } from '../ledger/spend-ledger'

/**
 * Keeps the spend ledger in step with the journal: a take's row is written when the take is queued and again
 * whenever what budgets count changes (its ledger status, when it was sent, its estimate). Takes journaled before
 * estimates existed have no row. A ledger that cannot be written is logged: the take itself is already safe.
 */
export interface LedgerBook {
  note(take: Take): void
  /** Resolves once every row noted so far is on disk (or failed to be). */
  flush(): Promise<void>
}

export function createLedgerBook(ledger: SpendLedger, project: () => Project, log: (message: string) => void): LedgerBook {
  const recorded = new Map<string, string>()
  let writes: Promise<void> = Promise.resolve()
  return {
    note(take) {
      const row = rowOf(take, project())
      if (row === null) return
      const key = `${row.status}|${row.sentAt}|${row.estimateUsd}`
      if (recorded.get(take.id) === key) return
      recorded.set(take.id, key)
      writes = writes.then(() => ledger.record(row)).catch((error: unknown) => log(`spend ledger: ${error instanceof Error ? error.message : String(error)}`))
    },
    flush: () => writes,
  }
}

export function rowOf(take: Take, project: Project): LedgerRow | null {
  const estimate = take.estimate
  if (estimate === undefined) return null
  const index = project.clips.findIndex((clip) => clip.id === take.clipId)
  const title = project.clips[index]?.title.trim() || (index >= 0 ? `Clip ${index + 1}` : 'Removed clip')
  return {
    takeId: take.id,
    projectId: project.id,
    projectName: project.name,
    clipId: take.clipId,
    clipTitle: title,
    mode: estimate.mode,
    sound: estimate.sound,
    durationSeconds: estimate.seconds,
    ratePerSecond: estimate.ratePerSecond,
    estimateUsd: estimate.usd,
    status: ledgerStatusOf(take),
    queuedAt: take.createdAt,
    sentAt: take.submittedAt,
    updatedAt: take.updatedAt,
  }
}
