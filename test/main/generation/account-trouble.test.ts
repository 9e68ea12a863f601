import { describe, expect, it } from 'vitest'
import { contentRefusalError } from '../../../src/fake-mulerouter'
import { isQueuedTake } from '../../../src/shared/domain/project'
import type { QueueState } from '../../../src/shared/domain/spend'
import { engineFor, ledgerBeside, recorder, reopen, until, useWorld, type Recorded } from './harness'

const prompts = ['One red kite', 'Two grey gulls', 'Three blue boats']
const world = useWorld(prompts)
const clipIds = () => world.session.project().clips.map((clip) => clip.id)
const promptOf = (request: { body?: unknown }) => (request.body as { prompt: string }).prompt
/** The prompts of the POSTs MuleRouter answered with a task, in order. */
const acceptedPrompts = () => world.fake.submits().filter((request) => request.status === 200).map(promptOf)
const lastAnnounced = (record: Recorded) => record.events.filter((event) => event.event === 'queue:state').at(-1)?.payload as QueueState | undefined

/** The take's ledger row once its writes (made in the background) have reached the file: 'queued' as soon as it says so. */
async function settledLedgerStatus(takeId: string): Promise<string | undefined> {
  const deadline = Date.now() + 2_000
  for (;;) {
    const status = (await ledgerBeside(world.session).rows()).find((row) => row.takeId === takeId)?.status
    if (status === 'queued' || Date.now() > deadline) return status
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('a refusal of the account pauses the queue instead of failing every take', () => {
  const cases = [
    { status: 402, code: 'api_insufficient_credits', words: /MuleRouter says the balance is too low\..*Add credits to your MuleRouter account, then Resume the queue\./ },
    { status: 401, code: 'api_unauthorized', words: /did not accept the API key.*Fix the API key in Settings, then Resume the queue\./ },
    { status: 403, code: 'api_forbidden', words: /refused access.*Check in Settings that your key may use Kling V3 Omni, then Resume the queue\./ },
  ] as const

  for (const { status, code, words } of cases) {
    it(`on a ${status}: one POST reaches MuleRouter, every take stays queued, the reason is announced, and Resume sends each take once`, async () => {
      world.fake.failNext('submit', { status })
      const record = recorder()
      const engine = engineFor(world.session, world.fake, record, { maxConcurrentJobs: 1 })
      const takes = await engine.enqueue(clipIds(), 1, `action-${status}`)
      await until(() => engine.queueState().pauseReason !== null && engine.queueState().running === 0)

      expect(world.fake.submits()).toHaveLength(1)
      expect(world.fake.createdTaskIds()).toHaveLength(0)
      const project = world.session.project()
      expect(project.takes.map((take) => [take.status, isQueuedTake(take), take.error])).toEqual(takes.map(() => ['submitting', true, null]))
      const reason = engine.queueState().pauseReason
      expect(reason?.code).toBe(code)
      expect(`${reason?.message} ${reason?.hint}`).toMatch(words)
      // What the title bar and the Queue panel receive.
      await until(() => lastAnnounced(record)?.pauseReason?.code === code && lastAnnounced(record)?.running === 0)
      expect(lastAnnounced(record)).toMatchObject({ paused: true, queued: 3, pauseReason: reason })
      expect(project.queue).toEqual({ paused: true, pauseReason: reason })
      expect(await settledLedgerStatus(takes[0]!.id)).toBe('queued')
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(world.fake.submits()).toHaveLength(1)

      await engine.setPaused(false)
      expect(engine.queueState().pauseReason).toBeNull()
      await engine.idle()
      expect(acceptedPrompts()).toEqual(prompts)
      expect(world.fake.submits()).toHaveLength(4)
      expect(world.session.project().takes.map((take) => take.status)).toEqual(['completed', 'completed', 'completed'])
      await engine.dispose()
    })
  }

  it('sends the takes that were already out back in line too, when they meet the same refusal', async () => {
    world.fake.setFault('submit', { status: 402 })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 3 })
    await engine.enqueue(clipIds(), 1, 'action-wide')
    await until(() => engine.queueState().pauseReason !== null && engine.queueState().running === 0)
    const refused = world.fake.submits().length
    expect(refused).toBeGreaterThanOrEqual(1)
    expect(world.session.project().takes.every(isQueuedTake)).toBe(true)

    world.fake.setFault('submit', null)
    await engine.setPaused(false)
    await engine.idle()
    expect(acceptedPrompts().sort()).toEqual([...prompts].sort())
    expect(world.fake.submits()).toHaveLength(refused + 3)
    await engine.dispose()
  })

  it('stays paused, with its reason, after the project is reopened', async () => {
    world.fake.failNext('submit', { status: 402, detail: 'Insufficient balance' })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    await engine.enqueue(clipIds().slice(0, 2), 1, 'action-reopen')
    await until(() => engine.queueState().pauseReason !== null && engine.queueState().running === 0)
    await engine.dispose()
    await world.session.close()

    world.session = await reopen(world.session.dir)
    const next = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    await next.resume()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(next.queueState()).toMatchObject({ paused: true, queued: 2, pauseReason: { code: 'api_insufficient_credits', message: expect.stringContaining('Insufficient balance') } })
    expect(world.fake.submits()).toHaveLength(1)

    await next.setPaused(false)
    await next.idle()
    expect(acceptedPrompts()).toEqual(prompts.slice(0, 2))
    expect(world.session.project().queue).toEqual({ paused: false })
    await next.dispose()
  })
})

describe('a task refused for its content', () => {
  it('marks that take refused by Kling with the reason, and the queue goes on with the rest', async () => {
    world.fake.failNextTask(contentRefusalError)
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    const [refused, ...rest] = await engine.enqueue(clipIds(), 1, 'action-refused')
    await engine.idle()

    const takes = world.session.project().takes
    expect(takes.find((take) => take.id === refused!.id)).toMatchObject({
      status: 'failed',
      taskId: world.fake.createdTaskIds()[0],
      error: { code: 'task_refused', message: expect.stringContaining('did not pass the content safety review') },
    })
    expect(takes.filter((take) => rest.some((other) => other.id === take.id)).map((take) => take.status)).toEqual(['completed', 'completed'])
    expect(acceptedPrompts()).toEqual(prompts)
    expect(engine.queueState()).toMatchObject({ paused: false, pauseReason: null })
    await engine.dispose()
  })

  it('reads a failure whose reason speaks of moderation as a refusal, and a provider breakdown as a failure', async () => {
    world.fake.failNextTask({ code: 3002, title: 'Generation failed', detail: 'Blocked by content moderation.' })
    world.fake.failNextTask({ code: 3002, title: 'Generation failed', detail: 'The model timed out.' })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    await engine.enqueue(clipIds(), 1, 'action-words')
    await engine.idle()
    expect(world.session.project().takes.map((take) => take.error?.code ?? take.status)).toEqual(['task_refused', 'task_failed', 'completed'])
    await engine.dispose()
  })
})
