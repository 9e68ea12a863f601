import { describe, expect, it } from 'vitest'
import { ledgerCsvFileName, writeLedgerCsv } from '../../../src/shared/interchange/ledger-csv'
import { parseCsv } from '../../../src/shared/interchange/csv'
import { ledgerRow } from '../../support/ledger-row'

const local = (day: number, hour: number, minute: number): string => new Date(2026, 11, day, hour, minute).toISOString()

function parsed(text: string): string[][] {
  const result = parseCsv(text)
  if (!result.ok) throw new Error(`not a readable CSV: ${result.message} (line ${result.line})`)
  return result.rows
}

describe('the spend ledger as CSV', () => {
  it('has a header naming each column, every amount marked as an estimate in USD', () => {
    const [header] = parsed(writeLedgerCsv([]))
    expect(header).toEqual([
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
    ])
  })

  it('writes one record per take with its local date, the estimate, and $0 counted for a failed take', () => {
    const rows = [
      ledgerRow('take-sent', { status: 'completed', mode: 'pro', sound: 'on', durationSeconds: 10, ratePerSecond: 0.14, estimateUsd: 1.4, queuedAt: local(1, 9, 5) }),
      ledgerRow('take-failed', { status: 'failed', queuedAt: local(1, 0, 30) }),
      ledgerRow('take-never', { status: 'never_sent', queuedAt: local(1, 0, 10) }),
    ]
    const [, sent, failed, never] = parsed(writeLedgerCsv(rows))
    expect(sent).toEqual(['2026-12-01 09:05', 'Harbour', 'Dawn', 'pro', '10', 'on', '0.14', '1.4', '1.4', 'completed', 'take-sent'])
    expect(failed).toEqual(['2026-12-01 00:30', 'Harbour', 'Dawn', 'std', '5', 'off', '0.084', '0.42', '0', 'failed', 'take-failed'])
    expect(never?.slice(8, 10)).toEqual(['0', 'never sent'])
  })

  it('quotes titles with commas, quotes and line breaks so a spreadsheet reads them back whole', () => {
    const clipTitle = 'Gulls, "far" off\nsecond line'
    const projectName = '=HYPERLINK("https://evil.example")'
    const text = writeLedgerCsv([ledgerRow('take-1', { clipTitle, projectName, status: 'sent' })])
    expect(text).toContain('"Gulls, ""far"" off\nsecond line"')
    const [, record] = parsed(text)
    expect(record?.[1]).toBe(projectName)
    expect(record?.[2]).toBe(clipTitle)
    // Excel would run a cell starting with "=" as a formula; it is written as text.
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"")"`)
  })

  it('suggests a file name with the month it was exported in', () => {
    expect(ledgerCsvFileName(new Date(2026, 11, 31, 23, 59).toISOString())).toBe('omniboard-spend-2026-12.csv')
  })
})
