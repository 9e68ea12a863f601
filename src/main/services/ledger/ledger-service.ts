import { AppErrorException, appError } from '../../../shared/errors'
import { ledgerCsvFileName, writeLedgerCsv } from '../../../shared/interchange/ledger-csv'
import { summariseLedger } from '../../../shared/domain/ledger-summary'
import type { LedgerSummary } from '../../../shared/domain/spend'
import type { UserQuestions } from '../user-questions'
import { nodeDurableFs, writeFileAtomic, type DurableFs } from '../disk/atomic-write'
import { diskException } from '../disk/disk-errors'
import type { SpendLedger } from './spend-ledger'

export type LedgerServiceDeps = {
  ledger: SpendLedger
  chooseSavePath: UserQuestions['chooseSavePath']
  now: () => Date
  disk?: DurableFs
}

/** The spend ledger as the app shows and exports it: every project's takes, read fresh from the shared file. */
export function createLedgerService(deps: LedgerServiceDeps) {
  async function read(): Promise<LedgerSummary> {
    try {
      return summariseLedger(await deps.ledger.rows())
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? 'unknown'
      throw new AppErrorException(
        appError('disk_error', `Could not read the spend ledger: the disk reported an error (${code}).`, 'Check that the user data folder can be read, then open the ledger again.'),
      )
    }
  }

  /** Asks where first; a cancelled dialog writes nothing. */
  async function exportCsv(): Promise<{ path: string | null }> {
    const target = await deps.chooseSavePath({
      title: 'Export the spend ledger',
      defaultName: ledgerCsvFileName(deps.now().toISOString()),
      filters: [{ name: 'CSV (comma-separated)', extensions: ['csv'] }],
    })
    if (target === null) return { path: null }
    const { rows } = await read()
    try {
      await writeFileAtomic(target, Buffer.from(writeLedgerCsv(rows)), deps.disk ?? nodeDurableFs)
    } catch (cause) {
      throw diskException(cause, 'the spend ledger export')
    }
    return { path: target }
  }

  return { read, exportCsv }
}
export type LedgerService = ReturnType<typeof createLedgerService>
