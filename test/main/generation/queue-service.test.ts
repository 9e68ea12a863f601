import { cp, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { engineFor, mostAtOnce, recorder, reopen, takeOf, until, useWorld } from './harness'

const prompts = Array.from({ length: 8 }, (_, i) => `Queued shot number ${i + 1}`)
const world = useWorld(prompts)
const clipIds = () => world.session.project().clips.map((clip) => clip.id)
const promptOf = (request: { body?: unknown }) => (request.body as { prompt?: string } | undefined)?.prompt ?? '?'
/** How many POSTs of each prompt MuleRouter could have made a task from (answered other than 429). */
function paidPostsPerPrompt(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const request of world.fake.submits()) if (request.status !== 429) counts.set(promptOf(request), (counts.get(promptOf(request)) ?? 0) + 1)
  return counts
}

describe('concurrency that respects the service', () => {
  it('lowers the concurrency after a 429 storm and still sends every take exactly once', async () => {
    world.fake.failNext('submit', { status: 429, retryAfter: 0 }, 6)
    // Each accepted POST takes a while, so POSTs that are allowed to overlap do.
    world.fake.setFault('submit', { kind: 'delay', ms: 40 })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 4, timing: { rateLimitRecoveryMs: 60_000, rateLimitRetryDelaysMs: [5] } })
    await engine.enqueue(clipIds(), 1, 'action-storm')
    await engine.idle()

    expect(world.fake.submits().filter((request) => request.status === 429)).toHaveLength(6)
    expect(mostAtOnce(world.fake.submits().filter((request) => request.status === 200))).toBe(1)
    expect(engine.queueState().concurrency).toEqual({ limit: 4, effective: 1 })
    expect(world.session.project().takes.map((take) => take.status)).toEqual(prompts.map(() => 'completed'))
    expect(paidPostsPerPrompt()).toEqual(new Map(prompts.map((prompt) => [prompt, 1])))
    expect(world.fake.createdTaskIds()).toHaveLength(8)
    await engine.dispose()
  })

  it("holds every new POST while one 429's Retry-After runs, not just the one that got it", async () => {
    world.fake.failNext('submit', { status: 429, retryAfter: 1 })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 4, timing: { maxRetryAfterMs: 5_000 } })
    await engine.enqueue(clipIds().slice(0, 1), 1, 'action-limited')
    await until(() => engine.queueState().rateLimitedUntil !== null)
    const limitedAt = world.fake.submits()[0]!.endedAt!
    await engine.enqueue(clipIds().slice(1, 3), 1, 'action-later')
    await engine.idle()

    const later = world.fake.submits().slice(1)
    expect(later).toHaveLength(3)
    for (const request of later) expect(request.arrivedAt - limitedAt).toBeGreaterThanOrEqual(950)
    expect(engine.queueState().rateLimitedUntil).toBeNull()
    await engine.dispose()
  })

  it('never has two POSTs for one clip out at once, unless one action asked for several takes of it', async () => {
    world.fake.setFault('submit', { kind: 'delay', ms: 60 })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 4 })
    const [clip] = clipIds()
    await engine.setPaused(true)
    await engine.enqueue([clip!], 1, 'action-first')
    await engine.enqueue([clip!], 1, 'action-second')
    const both = await engine.enqueue([clipIds()[1]!], 2, 'action-two-takes')
    await engine.setPaused(false)
    await engine.idle()

    const posts = (prompt: string) => world.fake.submits().filter((request) => promptOf(request) === prompt)
    expect(posts(prompts[0]!)).toHaveLength(2)
    expect(mostAtOnce(posts(prompts[0]!))).toBe(1)
    expect(both.map((take) => takeOf(world.session, take.id).status)).toEqual(['completed', 'completed'])
    expect(mostAtOnce(posts(prompts[1]!))).toBe(2)
  })
})

describe('the outbox and restarts', () => {
  it('resumes a queue after a restart without POSTing anything already sent a second time', async () => {
    world.fake.setFault('submit', { kind: 'delay', ms: 30 })
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 2 })
    await engine.enqueue(clipIds(), 1, 'action-restart')
    await until(() => world.session.project().takes.filter((take) => take.taskId !== null).length >= 2)
    await engine.dispose()
    await world.session.close()
    const sentBefore = world.fake.createdTaskIds().length
    expect(sentBefore).toBeLessThan(8)

    world.session = await reopen(world.session.dir)
    const next = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 2 })
    await next.resume()
    await next.idle()
    expect(world.session.project().takes.map((take) => take.status)).toEqual(prompts.map(() => 'completed'))
    expect(paidPostsPerPrompt()).toEqual(new Map(prompts.map((prompt) => [prompt, 1])))
  })

  it('keeps takes queued offline across a kill and sends each exactly once when the connection is back', async () => {
    const engine = engineFor(world.session, world.fake, recorder())
    engine.setOnline(false)
    const queued = await engine.enqueue(clipIds().slice(0, 3), 1, 'action-offline')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(engine.queueState()).toMatchObject({ queued: 3, waitingForConnection: 3, connected: false })
    expect(world.fake.requests).toHaveLength(0)

    // The folder as a power cut would leave it: what is on disk now, the old process never closing it.
    const survivor = path.join(path.dirname(world.session.dir), 'After the kill.omniboard')
    await cp(world.session.dir, survivor, { recursive: true })
    await rm(path.join(survivor, '.omniboard.lock'), { recursive: true, force: true })
    await engine.dispose()
    await world.session.close()

    world.session = await reopen(survivor)
    const next = engineFor(world.session, world.fake, recorder())
    next.setOnline(false)
    await next.resume()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(world.fake.requests).toHaveLength(0)
    next.setOnline(true)
    await next.idle()
    expect(queued.map((take) => takeOf(world.session, take.id).status)).toEqual(['completed', 'completed', 'completed'])
    expect(paidPostsPerPrompt()).toEqual(new Map(prompts.slice(0, 3).map((prompt) => [prompt, 1])))
  })
})
