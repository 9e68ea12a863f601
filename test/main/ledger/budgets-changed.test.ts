import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { createApiKeyStore } from '../../../src/main/services/secrets/api-key-store'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { createSettingsService } from '../../../src/main/services/settings/settings-service'
import { createFileSpendLedger } from '../../../src/main/services/ledger/spend-ledger'
import { createWorkspace } from '../../../src/main/workspace'

describe('telling the queue that budgets changed', () => {
  let dir: string
  let changes: number
  let workspace: ReturnType<typeof createWorkspace>
  let handlers: ReturnType<typeof createHandlers>

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'budgets-changed-'))
    changes = 0
    const store = createMemoryStore({ firstStartDone: true })
    const settings = createSettingsService(store, dir)
    const apiKey = createApiKeyStore(store, null)
    workspace = createWorkspace({
      settings,
      apiKey,
      emit: () => {},
      log: () => {},
      dialogs: { askUnsavedChanges: async () => 'discard', confirmKeyOrigin: async () => false, askQueueOnClose: async () => 'close' },
      ledger: createFileSpendLedger(path.join(dir, 'spend-ledger.jsonl')),
      appVersion: '0.0.0-test',
      onBudgetsChanged: () => void changes++,
    })
    // Only the settings and budget handlers run here; they use nothing else.
    handlers = createHandlers({ settings, apiKey, workspace } as unknown as Parameters<typeof createHandlers>[0])
  })
  afterEach(async () => {
    await workspace.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('after a daily or monthly cap is saved, and not after other settings', async () => {
    await handlers['settings:update']({ patch: { maxConcurrentJobs: 4 } })
    expect(changes).toBe(0)
    await handlers['settings:update']({ patch: { budgets: { dailyUsd: 20, monthlyUsd: null } } })
    expect(changes).toBe(1)
  })

  it("after the project's cap is saved, and not when it was refused", async () => {
    await expect(handlers['budget:setProjectCap']({ capUsd: 10 })).rejects.toMatchObject({ error: { code: 'project_not_open' } })
    expect(changes).toBe(0)
    await workspace.create(dir, 'Harbour')
    await handlers['budget:setProjectCap']({ capUsd: 10 })
    expect(changes).toBe(1)
  })
})
