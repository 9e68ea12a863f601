import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../src/fake-mulerouter'
import { loadProject } from '../../src/main/services/project/load-project'
import { CANARY_KEY, makeProject, removeDir, startFake, tempDir } from '../main/generation/harness'
import { runInProcess } from './cli-harness'

describe('omniboard render stopped half-way', () => {
  let parent: string
  let projectDir: string
  let fake: FakeMuleRouter

  beforeEach(async () => {
    parent = await tempDir()
    fake = await startFake({ clock: 'manual', pendingMs: 1_000, processingMs: 1_000 })
    const session = await makeProject(parent, ['A slow sunrise'])
    projectDir = session.dir
    await session.close()
  })
  afterEach(async () => {
    await fake.close()
    await removeDir(parent)
  })

  const render = (interrupt?: AbortSignal) =>
    runInProcess(['render', projectDir, '--base-url', fake.url, '--yes'], { MULEROUTER_API_KEY: CANARY_KEY }, interrupt)

  async function whenTaskExists(): Promise<void> {
    while (fake.createdTaskIds().length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  it('Ctrl-C exits 130 and leaves the take pending; the next run follows it to the end without a second POST', async () => {
    const interrupt = new AbortController()
    const running = render(interrupt.signal)
    await whenTaskExists()
    interrupt.abort()
    const stopped = await running
    expect(stopped.code).toBe(130)
    expect(stopped.stderr).toMatch(/still pending/)
    expect((await loadProject(projectDir)).project.takes[0]?.status).toBe('pending')

    fake.advance(5_000)
    const again = await render()
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/following take .* started earlier/)
    expect(fake.submits()).toHaveLength(1)
    expect((await loadProject(projectDir)).project.takes.map((take) => take.status)).toEqual(['completed'])
  })

  it('stops with exit 4 when MuleRouter stops accepting the key while polling; with the key fixed the next run checks the same task again', async () => {
    const running = render()
    await whenTaskExists()
    fake.setKeyFault(CANARY_KEY, { status: 401 })
    const stopped = await running
    expect(stopped.code).toBe(4)
    expect(stopped.stderr).toMatch(/did not accept the API key/)
    const [take] = (await loadProject(projectDir)).project.takes
    expect(take).toMatchObject({ status: 'stopped', error: { code: 'api_unauthorized' } })
    expect(take?.taskId).toBe(fake.createdTaskIds()[0])

    fake.setKeyFault(CANARY_KEY, null)
    fake.advance(5_000)
    const again = await render()
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/checking take .* again/)
    expect(fake.submits()).toHaveLength(1)
    expect((await loadProject(projectDir)).project.takes.map((t) => t.status)).toEqual(['completed'])
  })

  it('never waits without bound: --timeout ends the run with exit 7 and the take stays to continue next time', async () => {
    const started = Date.now()
    const run = await runInProcess(['render', projectDir, '--base-url', fake.url, '--timeout', '1s', '--yes'], { MULEROUTER_API_KEY: CANARY_KEY })
    expect(run.code).toBe(7)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.stderr).toMatch(/--timeout ran out/)
    expect((await loadProject(projectDir)).project.takes.map((take) => take.status)).toEqual(['pending'])
    expect((await runInProcess(['render', projectDir, '--timeout', 'soon'])).code).toBe(2)
  })
})
