import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import type { Take } from '../../../src/shared/domain/project'
import { CANARY_KEY, closeWorld, engineFor, openWorld, recorder, takeOf, until } from './harness'

const catchError = async (work: Promise<unknown>) => work.then(() => null, (error: unknown) => error as { error?: { code: string; message: string } })

describe('limits, refusals and the API key', () => {
  let dir: string
  let fake: FakeMuleRouter
  let session: ProjectSession

  beforeEach(async () => {
    ({ dir, fake, session } = await openWorld(['First shot of a harbour', 'Second shot of a lighthouse', 'Third shot of a boat']))
  })
  afterEach(() => closeWorld({ dir, fake, session }))

  it('never has more jobs running than the concurrency limit; the rest wait and then finish', async () => {
    const record = recorder()
    const engine = engineFor(session, fake, record, { maxConcurrentJobs: 1 })
    const takes = await Promise.all(session.project().clips.map((clip) => engine.start(clip.id)))
    expect(takes.every((take) => take.submittedAt === null && take.status === 'submitting')).toBe(true)
    await engine.idle()
    // Replays every journaled state: a take counts as running from its POST mark until it is final.
    let mostAtOnce = 0
    const latest = new Map<string, Take>()
    for (const { event, payload } of record.events) {
      if (event !== 'take:updated') continue
      const take = (payload as { take: Take }).take
      latest.set(take.id, take)
      const running = [...latest.values()].filter((t) => t.submittedAt !== null && !['completed', 'failed', 'cancelled'].includes(t.status))
      mostAtOnce = Math.max(mostAtOnce, running.length)
    }
    expect(mostAtOnce).toBe(1)
    expect(takes.map((take) => takeOf(session, take.id).status)).toEqual(['completed', 'completed', 'completed'])
    expect(fake.submits()).toHaveLength(3)
  })

  it('sends nothing while offline and goes at once when the network is back', async () => {
    const engine = engineFor(session, fake, recorder(), { timing: { firstPollMs: 60_000 } })
    engine.setOnline(false)
    const take = await engine.start(session.project().clips[0]!.id)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(fake.submits()).toHaveLength(0)
    engine.setOnline(true)
    await until(() => fake.submits().length === 1)
    // The first poll is a minute away; only going offline and back (as after sleep) can bring it forward.
    while (takeOf(session, take.id).status !== 'completed') {
      engine.setOnline(false)
      engine.setOnline(true)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await engine.idle()
    expect(takeOf(session, take.id)).toMatchObject({ status: 'completed', error: null })
  })

  it('refuses an invalid clip with its problems and adds no take', async () => {
    const clip = session.project().clips[0]!
    session.applyEdits([{ type: 'updateClip', clipId: clip.id, patch: { prompt: '', duration: 20 } }])
    const engine = engineFor(session, fake, recorder())
    const failure = await catchError(engine.start(clip.id))
    expect(failure?.error?.code).toBe('clip_invalid')
    expect(failure?.error?.message).toMatch(/20 s/)
    expect(session.project().takes).toHaveLength(0)
    expect(fake.requests).toHaveLength(0)
  })

  it('refuses to start without an API key and adds no take', async () => {
    const engine = engineFor(session, fake, recorder(), { key: null })
    const failure = await catchError(engine.start(session.project().clips[0]!.id))
    expect(failure?.error?.code).toBe('no_api_key')
    expect(session.project().takes).toHaveLength(0)
  })

  it('keeps the key out of the project folder, every event, every error and every log line', async () => {
    fake.failNext('get', { status: 500, detail: `echo ${CANARY_KEY}` })
    fake.failNext('get', { status: 429, retryAfter: 0 })
    fake.failNext('download', { kind: 'resetMidBody' })
    fake.failNextTask({ detail: `provider saw ${CANARY_KEY}` })
    const record = recorder()
    const engine = engineFor(session, fake, record)
    const [a, b] = session.project().clips
    await engine.start(a!.id)
    await engine.start(b!.id)
    await engine.idle()
    fake.setKeyFault(CANARY_KEY, { status: 401, detail: `bad key ${CANARY_KEY}` })
    const refused = await engine.start(session.project().clips[2]!.id)
    await until(() => engine.queueState().pauseReason?.code === 'api_unauthorized' && engine.queueState().running === 0)
    await engine.dispose()
    expect(takeOf(session, refused.id)).toMatchObject({ status: 'submitting', submittedAt: null })
    await session.saveNow()

    const outcomes = session.project().takes.map((take) => take.error?.code ?? take.status).sort()
    expect(outcomes).toEqual(['completed', 'submitting', 'task_failed'])
    expect(session.project().queue?.pauseReason?.message).toContain('bad key [redacted]')
    const texts = [JSON.stringify(record.events), JSON.stringify(record.logs), JSON.stringify(session.project())]
    for (const name of await readdir(session.dir)) {
      if (name.endsWith('.json') || name.endsWith('.bak')) texts.push(await readFile(path.join(session.dir, name), 'utf8'))
    }
    for (const text of texts) expect(text).not.toContain(CANARY_KEY)
    expect(texts.join('\n')).toContain('[redacted]')
  })
})
