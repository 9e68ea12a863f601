import { describe, expect, it } from 'vitest'
import { contentRefusalError } from '../../src/fake-mulerouter'
import { loadProject } from '../../src/main/services/project/load-project'
import { isQueuedTake } from '../../src/shared/domain/project'
import { CANARY_KEY } from '../main/generation/harness'
import { runInProcess, useRenderWorld } from './cli-harness'

const prompts = ['A lighthouse at dusk', 'Waves on black rocks', 'Gulls over the harbour']

describe('omniboard render when MuleRouter refuses the account or the content', () => {
  const world = useRenderWorld(prompts)

  const render = () => runInProcess(['render', world.projectDir, '--base-url', world.fake.url, '--yes'], { MULEROUTER_API_KEY: CANARY_KEY })
  const acceptedPrompts = () => world.fake.submits().filter((request) => request.status === 200).map((request) => (request.body as { prompt: string }).prompt)

  const cases = [
    { status: 402, words: /MuleRouter says the balance is too low/ },
    { status: 401, words: /did not accept the API key/ },
    { status: 403, words: /refused access/ },
  ] as const

  for (const { status, words } of cases) {
    it(`exits 4 on a ${status}, sending nothing more and leaving every take queued; the next run sends each once`, async () => {
      world.fake.failNext('submit', { status })
      const stopped = await render()
      expect(stopped.code).toBe(4)
      expect(stopped.stderr).toMatch(words)
      expect(stopped.stderr).toMatch(/takes not sent yet stay queued in the project/)
      expect(stopped.stderr).toMatch(/… clip 3: queued, not sent yet/)
      expect(stopped.stderr + stopped.stdout).not.toContain(CANARY_KEY)
      expect(world.fake.submits()).toHaveLength(1)
      const { project } = await loadProject(world.projectDir)
      expect(project.takes).toHaveLength(3)
      expect(project.takes.every((take) => isQueuedTake(take) && take.error === null)).toBe(true)
      expect(project.queue).toMatchObject({ paused: true, pauseReason: { message: expect.stringMatching(words) } })

      const again = await render()
      expect(again.code).toBe(0)
      expect(again.stderr).toMatch(/queue was paused \(.*\); resuming it/)
      expect(acceptedPrompts()).toEqual(prompts)
      expect(world.fake.submits()).toHaveLength(4)
      const after = (await loadProject(world.projectDir)).project
      expect(after.takes.map((take) => take.status)).toEqual(['completed', 'completed', 'completed'])
      expect(after.queue).toEqual({ paused: false })
    })
  }

  it('exits 5 when Kling refuses one clip for its content, and renders the others', async () => {
    world.fake.failNextTask(contentRefusalError)
    const run = await render()
    expect(run.code).toBe(5)
    expect(run.stderr).toMatch(/✗ clip 1: Kling refused to make this video for its content .*did not pass the content safety review/)
    expect(run.stderr).toMatch(/✓ clip 2: /)
    expect(run.stderr).toMatch(/✓ clip 3: /)
    expect(acceptedPrompts()).toEqual(prompts)
    const { project } = await loadProject(world.projectDir)
    expect(project.takes.map((take) => take.error?.code ?? take.status)).toEqual(['task_refused', 'completed', 'completed'])
  })
})
