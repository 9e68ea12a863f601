import { mkdtemp, appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileSpendLedger } from '../../../src/main/services/ledger/spend-ledger'
import { ledgerRow as row } from '../../support/ledger-row'

describe('the spend ledger file', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ledger-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('keeps the last row of each take, across two writers of the same file', async () => {
    const file = path.join(dir, 'spend-ledger.jsonl')
    const app = createFileSpendLedger(file)
    const cli = createFileSpendLedger(file)
    await Promise.all([app.record(row('take1')), cli.record(row('take2'))])
    await app.record(row('take1', { status: 'sent', sentAt: '2026-12-01T10:01:00.000Z' }))
    const rows = await cli.rows()
    expect(rows.map((r) => [r.takeId, r.status]).sort()).toEqual([
      ['take1', 'sent'],
      ['take2', 'queued'],
    ])
  })

  it('skips a line torn by a crash and a line that is not a row, and reads an absent file as empty', async () => {
    const file = path.join(dir, 'spend-ledger.jsonl')
    const ledger = createFileSpendLedger(file)
    expect(await ledger.rows()).toEqual([])
    await ledger.record(row('take1'))
    await appendFile(file, '{"takeId":"take9","status":"se')
    await ledger.record(row('take3'))
    await appendFile(file, '{"hello":1}\n')
    await ledger.record(row('take2'))
    expect((await ledger.rows()).map((r) => r.takeId)).toEqual(['take1', 'take3', 'take2'])
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(5)
  })

  it('sees what another process appends after a read, a line it is still writing once complete, and a replaced file', async () => {
    const file = path.join(dir, 'spend-ledger.jsonl')
    const app = createFileSpendLedger(file)
    const cli = createFileSpendLedger(file)
    await app.record(row('take1'))
    expect((await app.rows()).map((r) => r.status)).toEqual(['queued'])
    await cli.record(row('take1', { status: 'completed' }))
    const half = JSON.stringify(row('take2'))
    await appendFile(file, `\n${half.slice(0, 20)}`)
    expect((await app.rows()).map((r) => [r.takeId, r.status])).toEqual([['take1', 'completed']])
    await appendFile(file, `${half.slice(20)}\n`)
    expect((await app.rows()).map((r) => r.takeId).sort()).toEqual(['take1', 'take2'])
    await writeFile(file, `${JSON.stringify(row('take3'))}\n`)
    expect((await app.rows()).map((r) => r.takeId)).toEqual(['take3'])
  })
})
