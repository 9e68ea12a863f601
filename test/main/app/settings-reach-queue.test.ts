import { afterEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { createClip } from '../../../src/shared/domain/edits'
import { defaultProjectDefaults } from '../../../src/shared/domain/project'
import { CANARY_KEY, startFake, until } from '../generation/harness'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

let main: MainUnderTest
let fake: FakeMuleRouter
afterEach(async () => {
  await main.dispose()
  await fake.close()
})

const prompts = () => fake.submits().map((request) => (request.body as { prompt: string }).prompt)
const takes = async () => (await main.call('project:read', {}))!.project.takes

/** The whole main process against the fake MuleRouter, with a project of two clips ready to send. */
async function start(fakeOptions: Parameters<typeof startFake>[0] = {}) {
  fake = await startFake(fakeOptions)
  main = await startMain({ store: createMemoryStore({ firstStartDone: true }), generationTiming: { progressThrottleMs: 0 } })
  await main.call('settings:update', { patch: { baseUrlPreset: 'custom', customBaseUrl: fake.url } })
  await main.call('settings:setApiKey', { key: CANARY_KEY, baseUrl: fake.url })
  const opened = await main.call('project:create', { name: 'Harbour' })
  const first = opened.project.clips[0]!.id
  const second = { ...createClip(defaultProjectDefaults, 'clip-second'), prompt: 'Gulls over the pier' }
  await main.call('project:edit', { ops: [{ type: 'updateClip', clipId: first, patch: { prompt: 'A lighthouse at dusk' } }, { type: 'addClip', clip: second }] })
  return [first, second.id]
}

describe('what Settings tell the queue', () => {
  it("a take held by today's cap goes as soon as the cap is raised in Settings", async () => {
    const [clipId] = await start()
    await main.call('queue:setPaused', { paused: true })
    await main.call('queue:add', { clipIds: [clipId!], takesPerClip: 1, actionId: 'held-by-cap' })
    await main.call('settings:update', { patch: { budgets: { dailyUsd: 0.1, monthlyUsd: null } } })
    await main.call('queue:setPaused', { paused: false })
    await expect.poll(async () => (await takes())[0]!.hold?.reason).toBe('budget')
    expect(prompts()).toEqual([])

    await main.call('settings:update', { patch: { budgets: { dailyUsd: 20, monthlyUsd: null } } })
    await until(() => prompts().length === 1)
    expect(prompts()).toEqual(['A lighthouse at dusk'])
    expect((await takes())[0]!.hold).toBeNull()
  })

  it('raising "Generations at once" sends the waiting take without waiting for the running one', async () => {
    const clipIds = await start({ processingMs: 60_000 })
    await main.call('settings:update', { patch: { maxConcurrentJobs: 1 } })
    await main.call('queue:add', { clipIds, takesPerClip: 1, actionId: 'two-at-once' })
    // The first POST has its answer (its take holds a task id), so nothing but the new limit can free a slot.
    await expect.poll(async () => (await takes()).filter((take) => take.taskId !== null).length).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompts()).toHaveLength(1)
    expect(await main.call('queue:state', {})).toMatchObject({ running: 1, queued: 1 })

    await main.call('settings:update', { patch: { maxConcurrentJobs: 2 } })
    await until(() => prompts().length === 2)
    expect(prompts()).toEqual(['A lighthouse at dusk', 'Gulls over the pier'])
    expect((await takes()).every((take) => take.status !== 'completed')).toBe(true)
  })
})
