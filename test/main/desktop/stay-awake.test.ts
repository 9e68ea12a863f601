import { afterEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import { createStayAwake, type PowerBlocker } from '../../../src/main/desktop/stay-awake'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { CANARY_KEY, startFake } from '../generation/harness'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

/** Electron's powerSaveBlocker as it behaves: ids handed out, only started ids may be stopped. */
function recordingBlocker() {
  const held = new Set<number>()
  const log: string[] = []
  let next = 1
  const blocker: PowerBlocker = {
    start(type) {
      log.push(`start ${type}`)
      held.add(next)
      return next++
    },
    stop(id) {
      if (!held.delete(id)) throw new Error(`stopped ${id}, which was not held`)
      log.push('stop')
    },
  }
  return { blocker, held, log }
}

describe('staying awake', () => {
  it('holds one blocker across overlapping work and lets go when the last piece ends', async () => {
    const { blocker, held, log } = recordingBlocker()
    const stayAwake = createStayAwake(blocker)
    let finishFirst!: () => void
    const first = stayAwake(() => new Promise<void>((resolve) => (finishFirst = resolve)))
    const second = stayAwake(async () => 'done')
    expect(await second).toBe('done')
    expect(held.size).toBe(1)
    finishFirst()
    await first
    expect(held.size).toBe(0)
    expect(log).toEqual(['start prevent-app-suspension', 'stop'])
  })

  it('lets go when the work fails or throws before it starts', async () => {
    const { blocker, held } = recordingBlocker()
    const stayAwake = createStayAwake(blocker)
    await expect(stayAwake(() => Promise.reject(new Error('upload cut')))).rejects.toThrow('upload cut')
    await expect(
      stayAwake(() => {
        throw new Error('no body')
      }),
    ).rejects.toThrow('no body')
    expect(held.size).toBe(0)
  })
})

describe('staying awake in the main process', () => {
  let main: MainUnderTest
  let fake: FakeMuleRouter | null = null
  afterEach(async () => {
    await main.dispose()
    await fake?.close()
  })

  it('is awake while a take uploads, and lets go when the upload is cut part-way', async () => {
    const { blocker, held, log } = recordingBlocker()
    fake = await startFake()
    fake.failNext('submit', { kind: 'cutUpload', atFraction: 0.2 })
    main = await startMain({ store: createMemoryStore({ firstStartDone: true }), stayAwake: createStayAwake(blocker) })
    await main.call('settings:update', { patch: { baseUrlPreset: 'custom', customBaseUrl: fake.url } })
    await main.call('settings:setApiKey', { key: CANARY_KEY, baseUrl: fake.url })
    const opened = await main.call('project:create', { name: 'Harbour' })
    const clipId = opened.project.clips[0]!.id
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'A lighthouse at dusk' } }] })

    const take = await main.call('generation:start', { clipId, actionId: 'stay-awake-upload' })
    // A body this small may be out whole before the cut, so MuleRouter's answer is what goes missing: either way the POST failed.
    await expect.poll(async () => (await main.call('project:read', {}))!.project.takes.find((t) => t.id === take.id)?.status).toMatch(/^(failed|submit_unknown)$/)
    expect(fake.submits()).toHaveLength(1)
    expect(log).toEqual(['start prevent-app-suspension', 'stop'])
    expect(held.size).toBe(0)
  })

  it('is awake while a film exports, and lets go when the export is cancelled', async () => {
    const { blocker, held, log } = recordingBlocker()
    main = await startMain({ store: createMemoryStore({ firstStartDone: true }), stayAwake: createStayAwake(blocker) })
    await main.call('project:create', { name: 'Still film' })
    const running = main.dispatch('film:export', { includeAnimatic: true })
    await expect.poll(() => held.size).toBe(1)
    expect(await main.call('film:cancelExport', {})).toEqual({ cancelled: true })
    expect(await running).toMatchObject({ ok: false, error: { code: 'export_cancelled' } })
    expect(log).toEqual(['start prevent-app-suspension', 'stop'])
    expect(held.size).toBe(0)
  })
})
