import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { createClip } from '../../../src/shared/domain/create'
import { newId } from '../../../src/shared/domain/ids'
import type { Take } from '../../../src/shared/domain/project'
import type { EventName } from '../../../src/shared/ipc/contract'
import { fail } from '../../../src/shared/errors'
import { createMuleRouterClient } from '../../../src/main/services/mulerouter/client'
import { createProject, openProjectSession } from '../../../src/main/services/project/open-project'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import { createGenerationEngine, type GenerationEngine, type GenerationTiming } from '../../../src/main/services/generation'
import { createFileSpendLedger, type SpendLedger } from '../../../src/main/services/ledger/spend-ledger'
import { noBudgetCaps, type BudgetCaps } from '../../../src/shared/domain/spend'
import { defaultSettings, type Prices } from '../../../src/shared/settings'
import { startFakeMuleRouter, type FakeMuleRouter, type FakeMuleRouterOptions, type RecordedRequest } from '../../../src/fake-mulerouter'

export const CANARY_KEY = `sk-CANARY-${newId(24)}`

/** Short waits so a whole job runs in well under a second against the fake. */
export const fastTiming: Partial<GenerationTiming> = {
  firstPollMs: 10,
  pollBackoff: 1.5,
  maxPollMs: 40,
  submitRetryDelaysMs: [10, 20],
  rateLimitRetryDelaysMs: [10, 20],
  rateLimitRecoveryMs: 200,
  reconnectDelaysMs: [20, 40, 80],
  maxRetryAfterMs: 50,
  downloadRetryDelaysMs: [10, 20],
  progressThrottleMs: 0,
}

export const sessionDeps = { now: () => new Date(), newId: () => newId(), autosaveDelayMs: 5 }

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'omniboard-gen-'))
}

/** A real project folder with `prompts.length` clips, each sendable as it stands. */
export async function makeProject(parent: string, prompts: readonly string[] = ['A red kite over a grey sea']): Promise<ProjectSession> {
  const session = await createProject(parent, 'Engine test', sessionDeps)
  const [first] = session.project().clips
  if (!first) throw new Error('new project has no clip')
  session.applyEdits([{ type: 'updateClip', clipId: first.id, patch: { prompt: prompts[0] ?? '' } }])
  for (const prompt of prompts.slice(1)) {
    session.applyEdits([{ type: 'addClip', clip: { ...createClip(session.project().defaults, newId()), prompt } }])
  }
  await session.saveNow()
  return session
}

export const reopen = (dir: string): Promise<ProjectSession> => openProjectSession(dir, sessionDeps)

export interface Recorded {
  events: { event: EventName; payload: unknown }[]
  logs: string[]
  /** Every status each take passed through, in order, without repeats. */
  statuses(takeId: string): string[]
}

export function recorder(): Recorded {
  const events: Recorded['events'] = []
  return {
    events,
    logs: [],
    statuses(takeId) {
      const seen: string[] = []
      for (const { event, payload } of events) {
        if (event !== 'take:updated') continue
        const take = (payload as { take: Take }).take
        if (take.id === takeId && seen.at(-1) !== take.status) seen.push(take.status)
      }
      return seen
    },
  }
}

export interface EngineOptions {
  key?: string | null
  baseUrl?: string
  maxConcurrentJobs?: number
  timeoutMs?: number
  timing?: Partial<GenerationTiming>
  fetch?: typeof fetch
  budgets?: BudgetCaps
  prices?: Prices
}

export const testPrices: Prices = defaultSettings('/unused').prices

/** The world's spend ledger, in the temp folder that holds the project: it outlives a reopen, as the app's does. */
export const ledgerBeside = (session: Pick<ProjectSession, 'dir'>): SpendLedger => createFileSpendLedger(path.join(path.dirname(session.dir), 'spend-ledger.jsonl'))

export function engineFor(session: ProjectSession, fake: Pick<FakeMuleRouter, 'url'>, record: Recorded, options: EngineOptions = {}): GenerationEngine {
  const key = options.key === undefined ? CANARY_KEY : options.key
  return createGenerationEngine({
    session,
    client: () => {
      if (key === null) fail('no_api_key', 'No MuleRouter API key is set.', 'Add your key in Settings.')
      return createMuleRouterClient({ baseUrl: options.baseUrl ?? fake.url, apiKey: () => key, timeoutMs: options.timeoutMs ?? 2_000, userAgent: 'Omniboard/test', ...(options.fetch ? { fetch: options.fetch } : {}) })
    },
    imageEncoding: () => 'raw',
    maxConcurrentJobs: () => options.maxConcurrentJobs ?? 3,
    ledger: ledgerBeside(session),
    // Read at each check, so a test may change a cap in place.
    budgets: () => ({ ...(options.budgets ?? noBudgetCaps) }),
    prices: () => ({ ...(options.prices ?? testPrices) }),
    emit: (event, payload) => record.events.push({ event, payload }),
    timing: { ...fastTiming, ...options.timing },
    log: (message) => record.logs.push(message),
  })
}

export function startFake(options: FakeMuleRouterOptions = {}): Promise<FakeMuleRouter> {
  return startFakeMuleRouter({ keys: [CANARY_KEY], pendingMs: 40, processingMs: 60, ...options })
}

/** What each engine test stands on: a temp folder, a project in it and a fake MuleRouter. */
export type World = { dir: string; fake: FakeMuleRouter; session: ProjectSession }

export async function openWorld(prompts?: readonly string[], fakeOptions: FakeMuleRouterOptions = {}): Promise<World> {
  const dir = await tempDir()
  const fake = await startFake(fakeOptions)
  return { dir, fake, session: await makeProject(dir, prompts) }
}

/**
 * A fresh world for each test of the calling describe block, torn down after it. Tests read `world.session` and
 * `world.fake` inside each test, and may replace `world.session` (a reopened project).
 */
export function useWorld(prompts?: readonly string[], fakeOptions: FakeMuleRouterOptions = {}): World {
  const world = {} as World
  beforeEach(async () => void Object.assign(world, await openWorld(prompts, fakeOptions)))
  afterEach(() => closeWorld(world))
  return world
}

/** Tears a world down; a session a test already closed (or replaced) is fine. */
export async function closeWorld({ dir, fake, session }: World): Promise<void> {
  await session.close().catch(() => undefined)
  await fake.close()
  await removeDir(dir)
}

/** Resolves once `check` holds, polling the session (for states between start and idle). */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export const takeOf = (session: ProjectSession, takeId: string): Take => {
  const take = session.project().takes.find((candidate) => candidate.id === takeId)
  if (!take) throw new Error(`no take ${takeId}`)
  return take
}

export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true })

/** The error code a call was refused with, or null when it succeeded. */
export const refusal = (work: Promise<unknown>): Promise<string | null | undefined> =>
  work.then(() => null, (error: unknown) => (error as { error?: { code: string } }).error?.code)

/** The most of these requests that were out at the same moment, from when each arrived at the fake to when it ended. */
export function mostAtOnce(requests: readonly Pick<RecordedRequest, 'arrivedAt' | 'endedAt'>[]): number {
  const edges = requests.flatMap((request) => [
    { at: request.arrivedAt, step: 1 },
    { at: request.endedAt ?? Infinity, step: -1 },
  ])
  // An end and an arrival in the same millisecond did not overlap.
  edges.sort((a, b) => a.at - b.at || a.step - b.step)
  let out = 0
  let most = 0
  for (const edge of edges) most = Math.max(most, (out += edge.step))
  return most
}
