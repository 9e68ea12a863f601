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
  /** Rows read so far, the last of each take, and how far into the file they reach. */
  const latest = new Map<string, LedgerRow>()
  let readBytes = 0

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
      await readNewLines()
      return [...latest.values()]
    },
  }

  /**
   * Budgets read the ledger before every send, so only what was appended since the last read (by this process or
   * another) is parsed; a file that shrank was replaced and is read again from the start. A line still being
   * written by another process (no newline yet) is left for the next read.
   */
  async function readNewLines(): Promise<void> {
    let handle: fs.FileHandle
    try {
      handle = await fs.open(filePath, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      latest.clear()
      readBytes = 0
      return
    }
    try {
      const { size } = await handle.stat()
      if (size < readBytes) {
        latest.clear()
        readBytes = 0
      }
      if (size === readBytes) return
      const fresh = Buffer.alloc(size - readBytes)
      await handle.read(fresh, 0, fresh.byteLength, readBytes)
      const complete = fresh.lastIndexOf(0x0a) + 1
      for (const line of fresh.subarray(0, complete).toString('utf8').split('\n')) {
        const row = parseLine(line)
        if (row) latest.set(row.takeId, row)
      }
      readBytes += complete
    } finally {
      await handle.close()
    }
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
