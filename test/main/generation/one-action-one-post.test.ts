import { describe, expect, it } from 'vitest'
import { engineFor, recorder, refusal, reopen, takeOf, useWorld } from './harness'

describe('one user action is at most one paid POST', () => {
  const world = useWorld(undefined, { pendingMs: 150, processingMs: 150 })

  it('answers the same action id, sent twice at once and again later, with the one take it made', async () => {
    const { fake, session } = world
    const engine = engineFor(session, fake, recorder())
    const clipId = session.project().clips[0]!.id
    const [first, second] = await Promise.all([engine.start(clipId, 'press-1'), engine.start(clipId, 'press-1')])
    expect(second.id).toBe(first.id)
    await engine.idle()
    expect((await engine.start(clipId, 'press-1')).id).toBe(first.id)
    expect(session.project().takes).toHaveLength(1)
    expect(fake.submits()).toHaveLength(1)
  })

  it('still answers a repeated action id after a restart, from the journal', async () => {
    const { fake } = world
    let { session } = world
    const engine = engineFor(session, fake, recorder())
    const clipId = session.project().clips[0]!.id
    const take = await engine.start(clipId, 'press-2')
    await engine.idle()
    await engine.dispose()
    await session.close()

    session = world.session = await reopen(session.dir)
    const again = engineFor(session, fake, recorder())
    expect((await again.start(clipId, 'press-2')).id).toBe(take.id)
    await again.idle()
    expect(fake.submits()).toHaveLength(1)
  })

  it('makes a new take for a new press of the same clip', async () => {
    const { fake, session } = world
    const engine = engineFor(session, fake, recorder())
    const clipId = session.project().clips[0]!.id
    const a = await engine.start(clipId, 'press-a')
    const b = await engine.start(clipId, 'press-b')
    await engine.idle()
    expect(a.id).not.toBe(b.id)
    expect(fake.submits()).toHaveLength(2)
  })
})

describe('deciding about a take whose outcome is unknown', () => {
  const world = useWorld()

  it('two Resubmit clicks at once send one new take; the second is told the question is closed', async () => {
    const { fake, session } = world
    fake.failNext('submit', { kind: 'reset', afterCreate: true })
    const engine = engineFor(session, fake, recorder())
    const unknown = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(session, unknown.id).status).toBe('submit_unknown')

    const outcomes = await Promise.all([refusal(engine.resolveUnknown(unknown.id, 'resubmit')), refusal(engine.resolveUnknown(unknown.id, 'resubmit'))])
    await engine.idle()
    expect(outcomes).toEqual([null, 'invalid_request'])
    expect(session.project().takes).toHaveLength(2)
    expect(fake.submits()).toHaveLength(2)
    expect(takeOf(session, unknown.id).status).toBe('cancelled')
  })

  it('a Dismiss racing a Resubmit never leaves two new takes nor a second question', async () => {
    const { fake, session } = world
    fake.failNext('submit', { kind: 'reset', afterCreate: true })
    const engine = engineFor(session, fake, recorder())
    const unknown = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    const outcomes = await Promise.all([refusal(engine.resolveUnknown(unknown.id, 'resubmit')), refusal(engine.resolveUnknown(unknown.id, 'dismiss'))])
    await engine.idle()
    expect(outcomes).toEqual([null, 'invalid_request'])
    expect(fake.submits()).toHaveLength(2)
  })
})
