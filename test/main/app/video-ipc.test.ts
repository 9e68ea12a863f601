import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter, type FakeMuleRouter } from '../../../src/fake-mulerouter'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import type { EditRequest } from '../../../src/shared/domain/edit-request'
import type { Take } from '../../../src/shared/domain/project'
import { startMain, waitForEvent, type MainUnderTest } from '../../support/main-under-test'

const KEY = 'sk-video-ipc-test-key'
let main: MainUnderTest
let fake: FakeMuleRouter
afterEach(async () => {
  await main.dispose()
  await fake.close()
})

const finished = (takeId: string) => (entry: { event: string; payload: unknown }) =>
  entry.event === 'take:updated' && (entry.payload as { take: Take }).take.id === takeId && (entry.payload as { take: Take }).take.videoFacts !== undefined

describe('edits over IPC', () => {
  it('a finished take carries its measured video; planEdit prices the edit by it; edit sends one POST to video-to-video/edit', async () => {
    fake = await startFakeMuleRouter({ keys: [KEY], pendingMs: 20, processingMs: 20, videoPath: fileURLToPath(new URL('../../fixtures/media/take-4s-720p.mp4', import.meta.url)) })
    main = await startMain({ store: createMemoryStore({ firstStartDone: true }), fetch: globalThis.fetch, generationTiming: { firstPollMs: 10, maxPollMs: 30, progressThrottleMs: 0 } })
    await main.call('settings:update', { patch: { baseUrlPreset: 'custom', customBaseUrl: fake.url } })
    await main.call('settings:setApiKey', { key: KEY })
    const opened = await main.call('project:create', { name: 'Edited film' })
    const clipId = opened.project.clips[0]!.id
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'A lighthouse in fog' } }] })
    const take = await main.call('generation:start', { clipId, actionId: 'press-1' })
    await waitForEvent(main, finished(take.id))

    const facts = await main.call('takes:videoFacts', { takeId: take.id })
    expect(facts).toMatchObject({ width: 1280, height: 720, contentType: 'video/mp4' })
    const edit: EditRequest = { clipId, source: { kind: 'take', takeId: take.id }, instruction: 'Add falling snow', negativePrompt: '', keepOriginalSound: false, mode: 'pro', referenceImageIds: [], elementIds: [] }
    const plan = await main.call('generation:planEdit', edit)
    expect(plan.items[0]).toMatchObject({ title: 'Edit of take 1', estimateUsd: 0.448, problems: [] })

    const edited = await main.call('generation:edit', { ...edit, actionId: 'press-edit' })
    await waitForEvent(main, finished(edited.id))
    expect(fake.submits().map((request) => request.path.split('kling-v3-omni/')[1])).toEqual(['text-to-video/generation', 'video-to-video/edit'])
    const project = await main.call('project:read', {})
    expect(project!.project.takes.find((candidate) => candidate.id === edited.id)).toMatchObject({ status: 'completed', endpoint: 'video-to-video/edit', edit: { instruction: 'Add falling snow' } })
  })

  it('refuses a user’s video link that is not https, in plain words', async () => {
    fake = await startFakeMuleRouter({ keys: [KEY] })
    main = await startMain({ store: createMemoryStore({ firstStartDone: true }) })
    expect(await main.refusal('video:checkUrl', { url: 'http://cdn.example.com/boat.mp4' })).toMatchObject({ code: 'video_url_refused', message: 'Only https links can be sent to Kling, not http.' })
  })
})
