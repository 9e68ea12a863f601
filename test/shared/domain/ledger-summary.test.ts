import { describe, expect, it } from 'vitest'
import { dayLabel, monthLabel, summariseLedger } from '../../../src/shared/domain/ledger-summary'
import { ledgerRow } from '../../support/ledger-row'

/** An instant given in this computer's local time, as budgets count days and months. */
const local = (month: number, day: number, hour: number, minute = 0): string => new Date(2026, month - 1, day, hour, minute).toISOString()

const harbour = { projectId: 'proj1', projectName: 'Harbour' }
const lighthouse = { projectId: 'proj2', projectName: 'Lighthouse' }

// Two projects, the last half hour of November and the first day of December, one row of every status.
const rows = [
  ledgerRow('a-completed', { ...harbour, status: 'completed', estimateUsd: 0.42, queuedAt: local(11, 30, 23, 30) }),
  ledgerRow('b-failed', { ...harbour, status: 'failed', estimateUsd: 0.84, queuedAt: local(12, 1, 0, 30) }),
  ledgerRow('c-unknown', { ...lighthouse, status: 'unknown', estimateUsd: 1.4, queuedAt: local(12, 1, 9) }),
  ledgerRow('d-never-sent', { ...lighthouse, status: 'never_sent', estimateUsd: 0.56, queuedAt: local(12, 1, 10) }),
  ledgerRow('e-stopped', { ...harbour, status: 'stopped', estimateUsd: 0.7, queuedAt: local(12, 1, 11) }),
  ledgerRow('f-sent', { ...lighthouse, projectName: 'Lighthouse at dusk', status: 'sent', estimateUsd: 1.12, queuedAt: local(12, 1, 12) }),
  ledgerRow('g-queued', { ...harbour, status: 'queued', estimateUsd: 2, queuedAt: local(12, 1, 13) }),
]

describe('the spend ledger summary', () => {
  it('lists every take newest first, queued ones included', () => {
    const shuffled = [rows[3]!, rows[0]!, rows[6]!, rows[1]!, rows[5]!, rows[2]!, rows[4]!]
    expect(summariseLedger(shuffled).rows.map((row) => row.takeId)).toEqual(['g-queued', 'f-sent', 'e-stopped', 'd-never-sent', 'c-unknown', 'b-failed', 'a-completed'])
  })

  it('totals per local day and month what may have been charged: failed and never-sent add $0, queued is left out', () => {
    const { totals } = summariseLedger(rows)
    expect(totals.byDay).toEqual([
      { key: '2026-12-01', label: '1 Dec 2026', usd: 3.22, takes: 5 },
      { key: '2026-11-30', label: '30 Nov 2026', usd: 0.42, takes: 1 },
    ])
    expect(totals.byMonth).toEqual([
      { key: '2026-12', label: 'December 2026', usd: 3.22, takes: 5 },
      { key: '2026-11', label: 'November 2026', usd: 0.42, takes: 1 },
    ])
    expect(totals.allUsd).toBe(3.64)
  })

  it("totals per project under the project's latest name, the most recently active first", () => {
    expect(summariseLedger(rows).totals.byProject).toEqual([
      { key: 'proj2', label: 'Lighthouse at dusk', usd: 2.52, takes: 3 },
      { key: 'proj1', label: 'Harbour', usd: 1.12, takes: 3 },
    ])
  })

  it('counts a queued take once it is sent', () => {
    const sent = rows.map((row) => (row.takeId === 'g-queued' ? { ...row, status: 'sent' as const } : row))
    const { totals } = summariseLedger(sent)
    expect(totals.allUsd).toBe(5.64)
    expect(totals.byDay[0]).toMatchObject({ usd: 5.22, takes: 6 })
  })

  it('names days and months the same on every computer', () => {
    expect(dayLabel('2027-01-09')).toBe('9 Jan 2027')
    expect(monthLabel('2027-01')).toBe('January 2027')
  })
})
