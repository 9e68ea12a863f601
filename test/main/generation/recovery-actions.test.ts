import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import type { Take } from '../../../src/shared/domain/project'
import { AppErrorException, appError } from '../../../src/shared/errors'
import { closeWorld, engineFor, openWorld, recorder, refusal, takeOf, until } from './harness'

describe('what the user can do with a take', () => {
  let dir: string
  let fake: FakeMuleRouter
  let session: ProjectSession

  beforeEach(async () => {
    ({ dir, fake, session } = await openWorld(['One', 'Two']))
  })
  afterEach(() => closeWorld({ dir, fake, session }))

  it('retries a download whose link had expired once MuleRouter serves the video again', async () => {
    fake.failNext('download', { kind: 'expired' })
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(session, take.id).error?.code).toBe('download_expired')
    fake.tasks.get(takeOf(session, take.id).taskId!)!.expired = false

    const retrying = await engine.checkAgain(take.id)
    expect(retrying).toMatchObject({ status: 'downloading', error: null })
    await engine.idle()
    const done = takeOf(session, take.id)
    expect(done.status).toBe('completed')
    expect((await readFile(session.takeFilePath(done.files[0]!.fileName!))).length).toBe(done.files[0]!.bytes)
    expect(fake.submits()).toHaveLength(1)
  })

  it('keeps trying a download while the machine is offline (MuleRouter unreachable too), showing why, then completes', async () => {
    let downloading = false
    let refusals = 4
    const flakyFetch: typeof fetch = (input, init) => {
      const isFile = String(input).includes('/files/')
      downloading ||= isFile
      // Offline for the next few requests, to the video server and to MuleRouter alike.
      if (downloading && refusals-- > 0) {
        return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))
      }
      return fetch(input, init)
    }
    const record = recorder()
    const engine = engineFor(session, fake, record, { fetch: flakyFetch, timing: { downloadRetryDelaysMs: [] } })
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(session, take.id)).toMatchObject({ status: 'completed', error: null })
    const shown = record.events.filter((entry) => entry.event === 'take:updated').map((entry) => (entry.payload as { take: { status: string; error: { code: string } | null } }).take)
    expect(shown.some((update) => update.status === 'downloading' && update.error?.code === 'network_offline')).toBe(true)
  })

  it('carries on polling after a save failed right after the task id arrived, without sending again', async () => {
    let failOnce = true
    const updateTake: ProjectSession['updateTake'] = async (takeId, update) => {
      const saved = await session.updateTake(takeId, update)
      if (failOnce && saved.taskId !== null) {
        failOnce = false
        throw new AppErrorException(appError('disk_full', 'The disk is full.', 'Free some space.'))
      }
      return saved
    }
    const flaky = new Proxy(session, {
      get: (target, prop) => {
        if (prop === 'updateTake') return updateTake
        const value: unknown = Reflect.get(target, prop, target)
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })
    const record = recorder()
    const engine = engineFor(flaky, fake, record)
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => takeOf(session, take.id).status === 'completed')
    await engine.idle()
    expect(record.logs.some((line) => line.includes('job stopped: The disk is full.'))).toBe(true)
    expect(fake.submits()).toHaveLength(1)
  })

  it('cancels a take still waiting for a slot: it is never sent', async () => {
    const engine = engineFor(session, fake, recorder(), { maxConcurrentJobs: 1 })
    const [one, two] = session.project().clips
    const first = await engine.start(one!.id)
    const queued = await engine.start(two!.id)
    expect((await engine.cancel(queued.id)).status).toBe('cancelled')
    await engine.idle()
    expect(takeOf(session, first.id).status).toBe('completed')
    expect(takeOf(session, queued.id)).toMatchObject({ status: 'cancelled', taskId: null, submittedAt: null })
    expect(fake.submits()).toHaveLength(1)
  })

  it('acts on Retry download clicked the moment a take fails, while its job is still winding down', async () => {
    fake.failNext('download', { kind: 'expired' })
    const record = recorder()
    let retrying: Promise<Take> | null = null
    // Click Retry as soon as the failure is shown, i.e. inside the event that announces it.
    const show = record.events.push.bind(record.events)
    record.events.push = (...items) => {
      for (const { event, payload } of items) {
        const take = (payload as { take?: Take }).take
        if (event === 'take:updated' && take?.error?.code === 'download_expired' && retrying === null) {
          fake.tasks.get(take.taskId!)!.expired = false
          retrying = engine.checkAgain(take.id)
        }
      }
      return show(...items)
    }
    const engine = engineFor(session, fake, record)
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => retrying !== null)

    expect(await retrying).toMatchObject({ status: 'downloading', error: null })
    await engine.idle()
    expect(takeOf(session, take.id)).toMatchObject({ status: 'completed' })
  })

  it('refuses actions that do not fit the take, leaving it unchanged', async () => {
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => takeOf(session, take.id).taskId !== null)
    expect(await refusal(engine.resolveUnknown(take.id, 'resubmit'))).toBe('invalid_request')
    await engine.idle()
    expect(await refusal(engine.checkAgain('no-such-take'))).toBe('not_found')
    expect((await engine.cancel(take.id)).status).toBe('completed')
    expect(fake.submits()).toHaveLength(1)
  })
})
