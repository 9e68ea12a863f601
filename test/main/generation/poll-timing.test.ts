import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGenerationEngine, type Clock } from '../../../src/main/services/generation'
import type { MuleRouterClient, TaskState } from '../../../src/main/services/mulerouter/client'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import { events } from '../../../src/shared/ipc/contract'
import { appError, AppErrorException, type AppError } from '../../../src/shared/errors'
import { noBudgetCaps } from '../../../src/shared/domain/spend'
import { ledgerBeside, makeProject, removeDir, takeOf, tempDir, testPrices } from './harness'

/** Time moves only when the test says so; due timers fire in order, with the engine's promises settled between. */
function manualClock() {
  let now = 1_700_000_000_000
  const timers: { at: number; callback: () => void; id: number }[] = []
  let nextId = 0
  // Real milliseconds let the engine's file writes finish before the next timer fires.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10))
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      timers.push({ at: now + ms, callback, id: ++nextId })
      return nextId
    },
    clearTimeout: (handle) => {
      const index = timers.findIndex((timer) => timer.id === handle)
      if (index >= 0) timers.splice(index, 1)
    },
  }
  return {
    clock,
    elapsed: (since: number) => now - since,
    start: now,
    /** Fires timers one by one, in time order, until `done` holds. */
    async runUntil(done: () => boolean) {
      for (let step = 0; step < 500 && !done(); step++) {
        await settle()
        timers.sort((a, b) => a.at - b.at)
        const next = timers.shift()
        if (!next) continue
        now = Math.max(now, next.at)
        next.callback()
      }
    },
  }
}

const failedTask: TaskState = { taskId: 't-1', status: 'failed', statusKind: 'failed', videos: [], raw: {}, error: appError('task_failed', 'It failed.', 'Try again.') }

/** A client whose GETs give these answers in turn, noting when (on the manual clock) each was asked. */
function scriptedClient(time: ReturnType<typeof manualClock>, answers: (TaskState | AppError)[], getTimes: number[]): MuleRouterClient {
  return {
    submit: async () => ({ taskId: 't-1', status: 'pending', statusKind: 'in_progress', raw: {} }),
    getTask: async () => {
      getTimes.push(time.elapsed(time.start))
      const answer = answers.shift()!
      if ('code' in answer) throw new AppErrorException(answer)
      return answer
    },
    checkKey: async () => undefined,
    download: async () => ({ bytes: 0, resumes: 0 }),
  }
}

describe('poll timing on an injected clock', () => {
  let dir: string
  let session: ProjectSession

  beforeEach(async () => {
    dir = await tempDir()
    session = await makeProject(dir)
  })
  afterEach(async () => {
    await session.close()
    await removeDir(dir)
  })

  it('polls first after 3 s, backs off to at most 20 s, honours Retry-After and keeps unknown statuses open', async () => {
    const time = manualClock()
    const getTimes: number[] = []
    const answers: (TaskState | AppError)[] = [
      appError('api_rate_limited', 'Slow down.', 'Wait.', { retryAfterMs: 30_000 }),
      ...['pending', 'warming_up', 'processing', 'processing', 'processing', 'processing', 'processing'].map(
        (status) => ({ taskId: 't-1', status, statusKind: 'in_progress', videos: [], raw: {} }) as TaskState,
      ),
      failedTask,
    ]
    const logs: string[] = []
    const emitted: { event: string; payload: unknown }[] = []
    const client = scriptedClient(time, answers, getTimes)
    const engine = createGenerationEngine({
      session,
      client: () => client,
      imageEncoding: () => 'raw',
      maxConcurrentJobs: () => 1,
      ledger: ledgerBeside(session),
      budgets: () => noBudgetCaps,
      prices: () => testPrices,
      emit: (event, payload) => emitted.push({ event, payload }),
      clock: time.clock,
      // Queue-state announcements go out at once, so their throttle timers do not move this clock along.
      timing: { progressThrottleMs: 0 },
      // The middle of the jitter range, so the schedule is exactly the backoff's.
      random: () => 0.5,
      log: (message) => logs.push(message),
    })
    const take = await engine.start(session.project().clips[0]!.id)
    await time.runUntil(() => takeOf(session, take.id).status === 'failed')
    await engine.idle()

    expect(getTimes).toEqual([3_000, 33_000, 39_750, 49_875, 65_063, 85_063, 105_063, 125_063, 145_063])
    expect(takeOf(session, take.id)).toMatchObject({ status: 'failed', error: { code: 'task_failed' }, remoteStatus: 'failed' })
    expect(logs.some((line) => line.includes('unknown task status "warming_up"'))).toBe(true)
    for (const { event, payload } of emitted) expect(() => events[event as keyof typeof events].parse(payload)).not.toThrow()
  })

  it('spreads each poll wait by up to 10 % either way, so many takes do not poll in step', async () => {
    const firstPollAt = async (random: number): Promise<number> => {
      const time = manualClock()
      const getTimes: number[] = []
      const client = scriptedClient(time, [failedTask], getTimes)
      const engine = createGenerationEngine({ session, client: () => client, imageEncoding: () => 'raw', maxConcurrentJobs: () => 1, ledger: ledgerBeside(session), budgets: () => noBudgetCaps, prices: () => testPrices, emit: () => undefined, clock: time.clock, timing: { progressThrottleMs: 0 }, random: () => random })
      const take = await engine.start(session.project().clips[0]!.id)
      await time.runUntil(() => takeOf(session, take.id).status === 'failed')
      await engine.idle()
      return getTimes[0]!
    }
    expect(await firstPollAt(0)).toBe(2_700)
    expect(await firstPollAt(0.9999)).toBe(3_300)
  })
})
