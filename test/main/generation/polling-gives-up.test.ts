import { describe, expect, it } from 'vitest'
import { CANARY_KEY, engineFor, recorder, takeOf, until, useWorld } from './harness'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('polling stops when waiting cannot help', () => {
  const world = useWorld(undefined, { clock: 'manual', pendingMs: 1_000, processingMs: 1_000 })

  const gets = () => world.fake.requests.filter((request) => request.route === 'get').length

  it('a 401 while polling stops following with the key to fix; Check again after the fix fetches the video', async () => {
    const { fake, session } = world
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => takeOf(session, take.id).taskId !== null)
    fake.setKeyFault(CANARY_KEY, { status: 401 })
    await engine.idle()
    const stopped = takeOf(session, take.id)
    expect(stopped).toMatchObject({ status: 'stopped', taskId: fake.createdTaskIds()[0], error: { code: 'api_unauthorized' } })
    expect(stopped.error?.hint).toMatch(/Fix the API key in Settings, then click Check again/)
    const asked = gets()
    await sleep(200)
    expect(gets()).toBe(asked)

    fake.setKeyFault(CANARY_KEY, null)
    fake.advance(5_000)
    await engine.checkAgain(take.id)
    await engine.idle()
    expect(takeOf(session, take.id).status).toBe('completed')
    expect(fake.submits()).toHaveLength(1)
  })

  it('a task MuleRouter does not know stops following, with the task id to quote to support', async () => {
    const { fake, session } = world
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => takeOf(session, take.id).taskId !== null)
    const taskId = takeOf(session, take.id).taskId!
    fake.tasks.delete(taskId)
    await engine.idle()
    const stopped = takeOf(session, take.id)
    expect(stopped).toMatchObject({ status: 'stopped', taskId, error: { code: 'api_not_found' } })
    expect(stopped.error?.message).toContain(taskId)
    expect(stopped.error?.hint).toMatch(new RegExp(`quote the task id ${taskId} to MuleRouter support`))
    const asked = gets()
    await sleep(200)
    expect(gets()).toBe(asked)
  })

  it('stops following a task still unfinished after the maximum age and offers to check again', async () => {
    const { fake, session } = world
    const engine = engineFor(session, fake, recorder(), { timing: { maxFollowMs: 150 } })
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(session, take.id)).toMatchObject({ status: 'stopped', error: { code: 'follow_timeout' } })
    expect(takeOf(session, take.id).error?.hint).toMatch(/Check again/)

    fake.advance(5_000)
    await engine.checkAgain(take.id)
    await engine.idle()
    expect(takeOf(session, take.id).status).toBe('completed')
    expect(fake.submits()).toHaveLength(1)
  })
})
