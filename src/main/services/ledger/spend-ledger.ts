import { promises as fs } from 'node:fs'
import path from 'node:path'
import { LedgerRowSchema, type LedgerRow } from '../../../shared/domain/spend'

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

/**
 * An append-only JSON-lines file: each record is one line written with O_APPEND and fsynced, so two processes
 * appending at once never interleave inside a line, and a crash can at worst leave a torn last line, which reading
 * skips; each record starts on a fresh line, so a torn one never swallows the next. The last line of a take wins. A history of takes stays small (a few hundred bytes per update).
 */
export function createFileSpendLedger(filePath: string): SpendLedger {
  let writes: Promise<void> = Promise.resolve()

  async function append(line: string): Promise<void> {
    await fs.mkdir(path.dirname(filePath), { recursive: true })
    const handle = await fs.open(filePath, 'a')
    try {
      await handle.write(line)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  return {
    record(row) {
      const line = `\n${JSON.stringify(LedgerRowSchema.parse(row))}\n`
      // One append at a time from this process, in call order, so a take's later row never lands before its earlier one.
      const done = writes.then(() => append(line))
      writes = done.catch(() => undefined)
      return done
    },
    async rows() {
      await writes
      let text: string
      try {
        text = await fs.readFile(filePath, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      const latest = new Map<string, LedgerRow>()
      for (const line of text.split('\n')) {
        const row = parseLine(line)
        if (row) latest.set(row.takeId, row)
      }
      return [...latest.values()]
    },
  }
}

function parseLine(line: string): LedgerRow | null {
  if (line.trim() === '') return null
  try {
    const parsed = LedgerRowSchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
