import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startFakeMuleRouter } from '../src/fake-mulerouter'
import { createGenerationEngine } from '../src/main/services/generation'
import { createFileSpendLedger } from '../src/main/services/ledger/spend-ledger'
import { ledgerPath } from '../src/main/services/ledger/ledger-path'
import { createMuleRouterClient } from '../src/main/services/mulerouter/client'
import { createProject, defaultSessionDeps } from '../src/main/services/project'
import { createClip } from '../src/shared/domain/create'
import { newId } from '../src/shared/domain/ids'
import { noBudgetCaps } from '../src/shared/domain/spend'
import { defaultSettings } from '../src/shared/settings'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { round } from './lib/stats'
import { trackStalls } from './lib/stall-tracker'

const JOBS = 20
const KEY = 'sk-bench-queue'

/** 20 clips queued as one action and run at once against the fake MuleRouter: how long the main process is ever held up. */
export async function benchQueue(log: (line: string) => void): Promise<Figure[]> {
  log(`queue: ${JOBS} takes queued and running at once against the fake MuleRouter…`)
  const dir = await mkdtemp(path.join(tmpdir(), 'omniboard-bench-queue-'))
  const fake = await startFakeMuleRouter({ keys: [KEY], pendingMs: 1_000, processingMs: 2_000 })
  const session = await createProject(dir, 'Queue bench', { ...defaultSessionDeps, autosaveDelayMs: 600_000 })
  try {
    session.applyEdits(Array.from({ length: JOBS }, (_, i) => ({ type: 'addClip' as const, clip: { ...createClip(session.project().defaults, newId()), prompt: `Bench shot ${i}` } })))
    session.applyEdits([{ type: 'removeClip', clipId: session.project().clips[0]!.id }])
    const engine = createGenerationEngine({
      session,
      client: () => createMuleRouterClient({ baseUrl: fake.url, apiKey: () => KEY, timeoutMs: 10_000, userAgent: 'Omniboard/bench' }),
      imageEncoding: () => 'raw',
      maxConcurrentJobs: () => JOBS,
      ledger: createFileSpendLedger(ledgerPath(dir)),
      budgets: () => noBudgetCaps,
      prices: () => defaultSettings(dir).prices,
      emit: () => undefined,
      timing: { firstPollMs: 200, maxPollMs: 500 },
    })
    const stalls = trackStalls()
    const started = performance.now()
    await engine.enqueue(session.project().clips.map((clip) => clip.id), 1, newId())
    await engine.idle()
    const stall = stalls.stop()
    const completed = session.project().takes.filter((take) => take.status === 'completed').length
    await engine.dispose()
    return [
      figure(
        {
          id: 'queue.stall',
          area: 'queue',
          goal: goalOf('queue.stall'),
          measured: completed === JOBS ? round(stall.histogramMaxMs, 1) : null,
          unit: 'ms',
          method: `longest event-loop delay (monitorEventLoopDelay, 1 ms) from queueing ${JOBS} clips as one action to the last download, all ${JOBS} jobs at once against the fake MuleRouter on loopback (each renders ~3 s)`,
          details: { jobs: JOBS, completed, wallMs: round(performance.now() - started), intervalTrackerMaxGapMs: round(stall.intervalMaxGapMs, 1) },
        },
        { max: 50 },
      ),
    ]
  } finally {
    await session.close().catch(() => undefined)
    await fake.close()
    await rm(dir, { recursive: true, force: true })
  }
}
