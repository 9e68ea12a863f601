import { mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import type { Take } from '../../../src/shared/domain/project'
import { closeWorld, engineFor, openWorld, recorder, reopen, startFake, takeOf, until } from './harness'

describe('a paid generation is never lost and never paid twice', () => {
  let dir: string
  let fake: FakeMuleRouter
  let session: ProjectSession

  beforeEach(async () => {
    ({ dir, fake, session } = await openWorld(undefined, { pendingMs: 150, processingMs: 150 }))
  })
  afterEach(() => closeWorld({ dir, fake, session }))

  it('a new engine on the reopened project finishes a job started before the restart, without a second POST', async () => {
    const first = engineFor(session, fake, recorder())
    const take = await first.start(session.project().clips[0]!.id)
    await until(() => takeOf(session, take.id).taskId !== null)
    await first.dispose()
    await session.close()

    session = await reopen(session.dir)
    expect(['pending', 'processing']).toContain(takeOf(session, take.id).status)
    const second = engineFor(session, fake, recorder())
    second.resume()
    await second.idle()
    expect(takeOf(session, take.id).status).toBe('completed')
    expect(fake.submits()).toHaveLength(1)
  })

  it('a POST that times out after reaching the server is not resent: the take asks the user instead', async () => {
    fake.failNext('submit', { kind: 'hang', afterCreate: true })
    const engine = engineFor(session, fake, recorder(), { timeoutMs: 300 })
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    const unknown = takeOf(session, take.id)
    expect(unknown.status).toBe('submit_unknown')
    expect(unknown.error?.code).toBe('submit_outcome_unknown')
    expect(unknown.error?.message).toMatch(/may have been created and charged/)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(fake.submits()).toHaveLength(1)
  })

  it('"dismiss" closes the question; "resubmit" is an explicit new take with the same request', async () => {
    fake.failNext('submit', { kind: 'reset', afterCreate: true }, 2)
    const engine = engineFor(session, fake, recorder())
    const clipId = session.project().clips[0]!.id
    const a = await engine.start(clipId)
    const b = await engine.start(clipId)
    await engine.idle()
    expect([takeOf(session, a.id).status, takeOf(session, b.id).status]).toEqual(['submit_unknown', 'submit_unknown'])

    expect((await engine.resolveUnknown(a.id, 'dismiss')).status).toBe('cancelled')
    const fresh = await engine.resolveUnknown(b.id, 'resubmit')
    expect(fresh.id).not.toBe(b.id)
    expect(fresh.request).toEqual(takeOf(session, b.id).request)
    expect(takeOf(session, b.id).status).toBe('cancelled')
    await engine.idle()
    expect(takeOf(session, fresh.id).status).toBe('completed')
    expect(fake.submits()).toHaveLength(3)
  })

  it('retries a POST that provably never left, then keeps the take queued for the connection instead of failing it', async () => {
    const closed = await startFake()
    const { port } = closed
    await closed.close()
    const engine = engineFor(session, { url: closed.url }, recorder(), { timing: { reconnectDelaysMs: [60_000] } })
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => engine.queueState().waitingForConnection === 1)
    expect(takeOf(session, take.id)).toMatchObject({ status: 'submitting', submittedAt: null, taskId: null, error: null })

    const back = await startFake({ port })
    try {
      engine.setOnline(true)
      await engine.idle()
      expect(takeOf(session, take.id).status).toBe('completed')
      expect(back.createdTaskIds()).toHaveLength(1)
    } finally {
      await back.close()
    }
  })

  it('on reopen, a take journaled as sent but without a task id becomes a question, never a silent resend', async () => {
    const now = new Date().toISOString()
    const clipId = session.project().clips[0]!.id
    const orphan: Take = {
      id: 'orphan-take', clipId, status: 'submitting', request: { prompt: 'x', duration: 5, mode: 'pro', sound: 'off' },
      taskId: null, remoteStatus: null, createdAt: now, updatedAt: now, submittedAt: now, finishedAt: null, error: null, files: [],
    }
    await session.addTake(orphan)
    const engine = engineFor(session, fake, recorder())
    engine.resume()
    await engine.idle()
    expect(takeOf(session, 'orphan-take')).toMatchObject({ status: 'submit_unknown', error: { code: 'submit_outcome_unknown' } })
    expect(fake.submits()).toHaveLength(0)
  })

  it.skipIf(process.platform === 'win32')('cleaning up unfinished downloads never lists or deletes through a takes/ swapped for a link', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'omniboard-outside-'))
    try {
      await writeFile(path.join(outside, 'gone-take-0.part'), 'the user’s file')
      await rename(path.join(session.dir, 'takes'), path.join(session.dir, 'takes-moved'))
      await symlink(outside, path.join(session.dir, 'takes'))
      const engine = engineFor(session, fake, recorder())
      engine.resume()
      await engine.idle()
      expect(await readFile(path.join(outside, 'gone-take-0.part'), 'utf8')).toBe('the user’s file')
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('on reopen, a completed take whose video is missing from disk is downloaded again', async () => {
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    const file = session.takeFilePath(takeOf(session, take.id).files[0]!.fileName!)
    await rm(file)
    const again = engineFor(session, fake, recorder())
    again.resume()
    await again.idle()
    expect(takeOf(session, take.id).status).toBe('completed')
    expect((await readFile(file)).length).toBeGreaterThan(0)
    expect(fake.submits()).toHaveLength(1)
  })
})
