import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import { openProjectSession } from '../../../src/main/services/project/open-project'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import { faultyDisk } from '../../faults/support/faulty-disk'
import { closeWorld, engineFor, openWorld, recorder, reopen, sessionDeps } from './harness'

describe('a take that could not be journaled is never sent', () => {
  let dir: string
  let fake: FakeMuleRouter
  let session: ProjectSession

  beforeEach(async () => {
    ({ dir, fake, session } = await openWorld())
  })
  afterEach(() => closeWorld({ dir, fake, session }))

  it('refuses the start with a clear error, and no later save or reopen sends it', async () => {
    const projectDir = session.dir
    await session.close()
    const disk = faultyDisk()
    session = await openProjectSession(projectDir, { ...sessionDeps, disk })
    const engine = engineFor(session, fake, recorder())
    const clipId = session.project().clips[0]!.id

    disk.fault = { step: 'write', errno: 'ENOSPC', fileName: 'project.json' }
    const refused = await engine.start(clipId).then(
      () => null,
      (error: unknown) => (error as { error: { code: string; message: string } }).error,
    )
    expect(refused?.code).toBe('disk_full')
    expect(refused?.message).toMatch(/did not send it and nothing was charged/)

    // The disk recovers and the user keeps editing: the next save must not queue the take for sending.
    disk.fault = null
    session.applyEdits([{ type: 'updateClip', clipId, patch: { prompt: 'Gulls over the harbour' } }])
    await session.saveNow()
    await engine.idle()
    await engine.dispose()
    await session.close()

    session = await reopen(projectDir)
    const next = engineFor(session, fake, recorder())
    await next.resume()
    await next.idle()
    expect(session.project().takes.map((take) => [take.status, take.submittedAt, take.taskId])).toEqual([['failed', null, null]])
    expect(fake.submits()).toHaveLength(0)
  })
})
