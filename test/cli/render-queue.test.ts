import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileSpendLedger } from '../../src/main/services/ledger/spend-ledger'
import { ledgerPath } from '../../src/main/services/ledger/ledger-path'
import { loadProject } from '../../src/main/services/project/load-project'
import { openProjectSession } from '../../src/main/services/project/open-project'
import { CANARY_KEY, sessionDeps } from '../main/generation/harness'
import { runInProcess, useRenderWorld } from './cli-harness'

const prompts = ['A lighthouse at dusk', 'Waves on black rocks', 'Gulls over the pier', 'A fishing boat leaves', 'Night falls on the bay']

describe('omniboard render with a plan, a prompt and budgets', () => {
  const world = useRenderWorld(prompts)
  /** This run's app data folder: its settings and spend ledger. */
  const userData = () => path.join(world.parent, 'userData')

  const render = (args: string[], ask?: (question: string) => Promise<string>) =>
    runInProcess(['render', world.projectDir, '--base-url', world.fake.url, ...args], { MULEROUTER_API_KEY: CANARY_KEY, OMNIBOARD_USER_DATA_DIR: userData() }, undefined, ask ? { ask } : {})
  const posted = () => world.fake.submits().map((request) => (request.body as { prompt: string }).prompt)
  /** The app's own settings file, as electron-store keeps it. */
  const appSettings = async (settings: object) => {
    await mkdir(userData(), { recursive: true })
    await writeFile(path.join(userData(), 'settings.json'), JSON.stringify({ settings }))
  }

  it('prints the plan with what it leaves of each budget, then queues the takes with the concurrency asked for', async () => {
    await appSettings({ budgets: { dailyUsd: 20, monthlyUsd: null } })
    const run = await render(['--clip', '2,3', '--takes', '2', '--concurrency', '2', '--budget', '5', '--yes'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Plan (estimates): 2 clips, 4 takes · ≈ $2.24')
    expect(run.stderr).toContain('  clip 2: 2 takes · ≈ $1.12')
    expect(run.stderr).toContain("  leaves $17.76 of today's $20.00 budget")
    expect(run.stderr).toContain("  leaves $2.76 of this run's $5.00 budget (--budget)")
    expect(run.stderr).toMatch(/✓ clip 3 take 2 of 2: /)
    expect(posted().sort()).toEqual([prompts[1], prompts[1], prompts[2], prompts[2]].sort())
    const { project } = await loadProject(world.projectDir)
    expect(project.takes.map((take) => take.status)).toEqual(['completed', 'completed', 'completed', 'completed'])
    const rows = await createFileSpendLedger(ledgerPath(userData())).rows()
    expect(rows.map((row) => [row.status, row.estimateUsd])).toEqual(project.takes.map(() => ['completed', 0.56]))
  })

  it('refuses to send without asking when there is no terminal and no --yes, with the usage exit code', async () => {
    const run = await render(['--clip', '1'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/run again with --yes/)
    expect(world.fake.requests).toHaveLength(0)
    expect((await loadProject(world.projectDir)).project.takes).toHaveLength(0)
  })

  it('asks on a terminal and sends only on yes', async () => {
    const questions: string[] = []
    const declined = await render(['--clip', '1,2'], async (question) => (questions.push(question), 'n'))
    expect(declined.code).toBe(0)
    expect(questions).toEqual(['Send 2 takes for ≈ $1.12? [y/N] '])
    expect(world.fake.requests).toHaveLength(0)

    const accepted = await render(['--clip', '1'], async () => 'y')
    expect(accepted.code).toBe(0)
    expect(posted()).toEqual([prompts[0]])
  })

  it('exits 8 before sending anything when the plan passes --budget or an app budget', async () => {
    const overRun = await render(['--clip', '1,2', '--budget', '0.50', '--yes'])
    expect(overRun.code).toBe(8)
    expect(overRun.stderr).toContain("2 clips · ≈ $1.12 would pass this run's $0.50 budget (--budget) by $0.62. Nothing was sent.")

    await appSettings({ budgets: { dailyUsd: 1, monthlyUsd: null } })
    const overDay = await render(['--all', '--yes'])
    expect(overDay.code).toBe(8)
    expect(overDay.stderr).toContain("5 clips · ≈ $2.80 would pass today's $1.00 budget by $1.80.")
    expect(world.fake.requests).toHaveLength(0)
    expect((await loadProject(world.projectDir)).project.takes).toHaveLength(0)
  })

  it('--stale renders exactly the clips changed since their take', async () => {
    expect((await render(['--all', '--yes'])).code).toBe(0)
    const session = await openProjectSession(world.projectDir, sessionDeps)
    const [, second, third] = session.project().clips
    session.applyEdits([
      { type: 'updateClip', clipId: second!.id, patch: { prompt: 'Waves on white rocks' } },
      { type: 'updateClip', clipId: third!.id, patch: { duration: 8 } },
    ])
    await session.close()

    const stale = await render(['--stale', '--yes'])
    expect(stale.code).toBe(0)
    expect(posted().slice(5)).toEqual(['Waves on white rocks', prompts[2]])
    const again = await render(['--stale', '--yes'])
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('no clip has changed since its take')
    expect(world.fake.submits()).toHaveLength(7)
  })

  it('--clip 2,5 renders the second and fifth clips only', async () => {
    const run = await render(['--clip', '2,5', '--yes'])
    expect(run.code).toBe(0)
    expect(posted()).toEqual([prompts[1], prompts[4]])
  })

  it('refuses --all with --stale, and a bad --takes, --concurrency or --budget, with the usage exit code', async () => {
    for (const args of [['--all', '--stale'], ['--takes', '9'], ['--concurrency', '0'], ['--budget', 'lots'], ['--clip', '2,,3']]) {
      expect((await render([...args, '--yes'])).code).toBe(2)
    }
    expect(world.fake.requests).toHaveLength(0)
  })

  it('resumes a queue paused in the app instead of waiting for the timeout', async () => {
    const session = await openProjectSession(world.projectDir, sessionDeps)
    await session.updateEngineState((state) => ({ ...state, queue: { paused: true } }))
    await session.close()
    const run = await render(['--clip', '1', '--yes', '--timeout', '20s'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain("queue was paused in Omniboard; resuming it")
    expect(posted()).toEqual([prompts[0]])
  })
})
