import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileSpendLedger } from '../../../src/main/services/ledger/spend-ledger'
import { ledgerPath } from '../../../src/main/services/ledger/ledger-path'
import { parseCsv } from '../../../src/shared/interchange/csv'
import { expectPlainError, startMain, type MainUnderTest } from '../../support/main-under-test'
import type { Dialogs } from '../../../src/main/dialogs'
import { ledgerRow } from '../../support/ledger-row'

describe('the spend ledger over IPC', () => {
  let userDataDir: string
  let exportDir: string
  let main: MainUnderTest | null = null
  let answers: (string | null)[]
  let asked: Parameters<Dialogs['chooseSavePath']>[0][]

  beforeEach(async () => {
    userDataDir = await mkdtemp(path.join(tmpdir(), 'ledger-ipc-'))
    exportDir = await mkdtemp(path.join(tmpdir(), 'ledger-export-'))
    answers = []
    asked = []
  })
  afterEach(async () => {
    await main?.dispose()
    main = null
    await rm(userDataDir, { recursive: true, force: true })
    await rm(exportDir, { recursive: true, force: true })
  })

  const start = async (): Promise<MainUnderTest> =>
    (main = await startMain({
      userDataDir,
      dialogs: {
        chooseProjectFolder: async () => null,
        chooseImages: async () => [],
        askUnsavedChanges: async () => 'discard',
        askQueueOnClose: async () => 'close',
        confirmKeyOrigin: async () => false,
        chooseSavePath: async (question) => {
          asked.push(question)
          return answers.shift() ?? null
        },
      },
    }))

  const recordRows = async (): Promise<void> => {
    // Another process (the CLI) writes the same file: the app reads what is there at each call.
    const ledger = createFileSpendLedger(ledgerPath(userDataDir))
    await ledger.record(ledgerRow('take-a', { status: 'completed', queuedAt: '2026-12-01T09:00:00.000Z' }))
    await ledger.record(ledgerRow('take-b', { status: 'failed', clipTitle: 'Gulls, "far" off', queuedAt: '2026-12-01T11:00:00.000Z' }))
    await ledger.record(ledgerRow('take-c', { status: 'queued', queuedAt: '2026-12-01T12:00:00.000Z' }))
  }

  it('reads the rows in the user data folder, newest first, with totals that count only what may be charged', async () => {
    const app = await start()
    expect(await app.call('ledger:read', {})).toEqual({ rows: [], totals: { byProject: [], byDay: [], byMonth: [], allUsd: 0 } })
    await recordRows()
    const summary = await app.call('ledger:read', {})
    expect(summary.rows.map((row) => row.takeId)).toEqual(['take-c', 'take-b', 'take-a'])
    expect(summary.totals.allUsd).toBe(0.42)
    expect(summary.totals.byProject).toEqual([{ key: 'proj1', label: 'Harbour', usd: 0.42, takes: 2 }])
  })

  it('writes the CSV where the save dialog says, suggesting this month in the name', async () => {
    const app = await start()
    await recordRows()
    const target = path.join(exportDir, 'spend.csv')
    answers.push(target)
    expect(await app.call('ledger:exportCsv', {})).toEqual({ path: target })
    expect(asked[0]?.defaultName).toMatch(/^omniboard-spend-\d{4}-\d{2}\.csv$/)
    const parsed = parseCsv(await readFile(target, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.rows).toHaveLength(4)
    expect(parsed.rows[2]?.[2]).toBe('Gulls, "far" off')
    expect(await readdir(exportDir)).toEqual(['spend.csv'])
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const app = await start()
    await recordRows()
    expect(await app.call('ledger:exportCsv', {})).toEqual({ path: null })
    expect(asked).toHaveLength(1)
    expect(await readdir(exportDir)).toEqual([])
  })

  it("keeps the project's cap in project.json across a reopen, and removes it with null", async () => {
    const app = await start()
    const created = await app.call('project:create', { name: 'Harbour' })
    expect(await app.call('budget:setProjectCap', { capUsd: 25.5 })).toEqual({ capUsd: 25.5 })
    const onDisk = JSON.parse(await readFile(path.join(created.path, 'project.json'), 'utf8')) as { budget?: unknown }
    expect(onDisk.budget).toEqual({ capUsd: 25.5 })
    await app.call('project:close', {})
    expect((await app.call('project:open', { path: created.path })).project.budget).toEqual({ capUsd: 25.5 })
    await app.call('budget:setProjectCap', { capUsd: null })
    await app.call('project:close', {})
    expect((await app.call('project:open', { path: created.path })).project.budget).toEqual({ capUsd: null })
  })

  it('refuses a project cap with no project open, and a cap that is not a positive amount', async () => {
    const app = await start()
    expectPlainError(await app.refusal('budget:setProjectCap', { capUsd: 10 }), 'project_not_open')
    await app.call('project:create', { name: 'Harbour' })
    expect((await app.refusal('budget:setProjectCap', { capUsd: 0 })).code).toBe('invalid_request')
    expect((await app.refusal('budget:setProjectCap', { capUsd: 2_000_000 })).code).toBe('invalid_request')
  })
})
