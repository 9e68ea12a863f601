import { describe, expect, it } from 'vitest'
import { loadProject } from '../../src/main/services/project/load-project'
import { CANARY_KEY } from '../main/generation/harness'
import { runInProcess, useRenderWorld } from './cli-harness'

describe('omniboard render stopped half-way', () => {
  const world = useRenderWorld(['A slow sunrise'], { clock: 'manual', pendingMs: 1_000, processingMs: 1_000 })

  const render = (interrupt?: AbortSignal) =>
    runInProcess(['render', world.projectDir, '--base-url', world.fake.url, '--yes'], { MULEROUTER_API_KEY: CANARY_KEY }, interrupt)

  async function whenTaskExists(): Promise<void> {
    while (world.fake.createdTaskIds().length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
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
    expect((await loadProject(world.projectDir)).project.takes[0]?.status).toBe('pending')

    world.fake.advance(5_000)
    const again = await render()
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/following take .* started earlier/)
    expect(world.fake.submits()).toHaveLength(1)
    expect((await loadProject(world.projectDir)).project.takes.map((take) => take.status)).toEqual(['completed'])
  })

  it('stops with exit 4 when MuleRouter stops accepting the key while polling; with the key fixed the next run checks the same task again', async () => {
    const running = render()
    await whenTaskExists()
    world.fake.setKeyFault(CANARY_KEY, { status: 401 })
    const stopped = await running
    expect(stopped.code).toBe(4)
    expect(stopped.stderr).toMatch(/did not accept the API key/)
    const [take] = (await loadProject(world.projectDir)).project.takes
    expect(take).toMatchObject({ status: 'stopped', error: { code: 'api_unauthorized' } })
    expect(take?.taskId).toBe(world.fake.createdTaskIds()[0])

    world.fake.setKeyFault(CANARY_KEY, null)
    world.fake.advance(5_000)
    const again = await render()
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/checking take .* again/)
    expect(world.fake.submits()).toHaveLength(1)
    expect((await loadProject(world.projectDir)).project.takes.map((t) => t.status)).toEqual(['completed'])
  })

  it('never waits without bound: --timeout ends the run with exit 7 and the take stays to continue next time', async () => {
    const started = Date.now()
    const run = await runInProcess(['render', world.projectDir, '--base-url', world.fake.url, '--timeout', '1s', '--yes'], { MULEROUTER_API_KEY: CANARY_KEY })
    expect(run.code).toBe(7)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.stderr).toMatch(/--timeout ran out/)
    expect((await loadProject(world.projectDir)).project.takes.map((take) => take.status)).toEqual(['pending'])
    expect((await runInProcess(['render', world.projectDir, '--timeout', 'soon'])).code).toBe(2)
  })
})
