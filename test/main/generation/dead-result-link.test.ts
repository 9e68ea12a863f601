import { readFile, rm } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { engineFor, recorder, takeOf, useWorld } from './harness'

describe('a result link whose host does not resolve while MuleRouter answers', () => {
  const world = useWorld()

  async function completedTakeWithDeadLink(): Promise<string> {
    const { fake, session } = world
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    await rm(session.takeFilePath(takeOf(session, take.id).files[0]!.fileName!))
    await session.updateTake(take.id, (current) => ({ ...current, files: current.files.map((file) => ({ ...file, url: 'http://result-host.invalid/result_000.mp4' })) }))
    return take.id
  }

  it('asks the task for a fresh link and downloads from it', async () => {
    const { fake, session } = world
    const takeId = await completedTakeWithDeadLink()
    const engine = engineFor(session, fake, recorder())
    await engine.resume()
    await engine.idle()
    const take = takeOf(session, takeId)
    expect(take.status).toBe('completed')
    expect(take.files[0]!.url).toContain(fake.url)
    expect((await readFile(session.takeFilePath(take.files[0]!.fileName!))).length).toBe(take.files[0]!.bytes)
    expect(fake.submits()).toHaveLength(1)
  })

  it('ends the take as expired, keeping its task id, when MuleRouter no longer knows the task', async () => {
    const { fake, session } = world
    const takeId = await completedTakeWithDeadLink()
    fake.tasks.delete(takeOf(session, takeId).taskId!)
    const engine = engineFor(session, fake, recorder())
    await engine.resume()
    await engine.idle()
    expect(takeOf(session, takeId)).toMatchObject({ status: 'failed', error: { code: 'download_expired' } })
    expect(takeOf(session, takeId).taskId).not.toBeNull()
  })
})
