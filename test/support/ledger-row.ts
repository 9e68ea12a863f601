import type { LedgerRow } from '../../src/shared/domain/spend'

/** A ledger row as the queue engine writes it: a 5 s std take of "Dawn" in "Harbour", queued and not yet sent. */
export const ledgerRow = (takeId: string, patch: Partial<LedgerRow> = {}): LedgerRow => ({
  takeId,
  projectId: 'proj1',
  projectName: 'Harbour',
  clipId: 'clip1',
  clipTitle: 'Dawn',
  mode: 'std',
  sound: 'off',
  durationSeconds: 5,
  ratePerSecond: 0.084,
  estimateUsd: 0.42,
  status: 'queued',
  queuedAt: '2026-12-01T10:00:00.000Z',
  sentAt: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...patch,
})
