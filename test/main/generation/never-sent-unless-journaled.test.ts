import { describe, expect, it } from 'vitest'
import { openProjectSession } from '../../../src/main/services/project/open-project'
import { faultyDisk } from '../../faults/support/faulty-disk'
import { engineFor, recorder, reopen, sessionDeps, useWorld } from './harness'

describe('a take that could not be journaled is never sent', () => {
  const world = useWorld()

  it('refuses the start with a clear error, and no later save or reopen sends it', async () => {
    const { fake } = world
    let { session } = world
    const projectDir = session.dir
    await session.close()
    const disk = faultyDisk()
    session = world.session = await openProjectSession(projectDir, { ...sessionDeps, disk })
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

    session = world.session = await reopen(projectDir)
    const next = engineFor(session, fake, recorder())
    await next.resume()
    await next.idle()
    expect(session.project().takes.map((take) => [take.status, take.submittedAt, take.taskId])).toEqual([['failed', null, null]])
    expect(fake.submits()).toHaveLength(0)
  })
})
