import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { isQueuedTake } from '../../../src/shared/domain/project'
import { startMain, waitForEvent, type MainUnderTest } from '../../support/main-under-test'

let main: MainUnderTest
afterEach(() => main.dispose())

type Question = { projectName: string; queued: number; running: number }

/** The main process with MuleRouter out of reach (every fetch fails) and a scripted answer to "close with a queue?". */
async function start(answers: ('close' | 'cancel')[]) {
  const asked: Question[] = []
  main = await startMain({
    store: createMemoryStore({ firstStartDone: true }),
    generationTiming: { submitRetryDelaysMs: [5], reconnectDelaysMs: [60_000], progressThrottleMs: 0 },
    dialogs: {
      chooseProjectFolder: async () => null,
      chooseImages: async () => [],
      askUnsavedChanges: async () => 'discard',
      askQueueOnClose: async (question) => {
        asked.push(question)
        return answers.shift() ?? 'close'
      },
      confirmKeyOrigin: async () => false,
      chooseSavePath: async () => null,
    },
  })
  await main.call('settings:setApiKey', { key: 'sk-queue-ipc-test-key' })
  const opened = await main.call('project:create', { name: 'Queued film' })
  const clipId = opened.project.clips[0]!.id
  await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'A lighthouse in fog' } }] })
  return { asked, opened, clipId }
}

describe('the queue over IPC', () => {
  it('plans, queues while MuleRouter is out of reach, asks before closing, and keeps the queue for the next open', async () => {
    const { asked, opened, clipId } = await start(['cancel', 'close'])
    const plan = await main.call('queue:plan', { clipIds: [clipId], takesPerClip: 2 })
    expect(plan).toMatchObject({ clipCount: 1, takeCount: 2, totalUsd: 1.12, items: [{ position: 1, takes: 2, estimateUsd: 1.12, problems: [] }] })

    const { takes } = await main.call('queue:add', { clipIds: [clipId], takesPerClip: 2, actionId: 'queue-ipc-action' })
    expect(takes).toHaveLength(2)
    await waitForEvent(main, ({ event, payload }) => event === 'queue:state' && (payload as { waitingForConnection: number }).waitingForConnection === 2)
    expect(await main.call('queue:state', {})).toMatchObject({ queued: 2, running: 0, waitingForConnection: 2, connected: false })

    expect(await main.refusal('project:close', {})).toMatchObject({ code: 'close_cancelled' })
    expect(asked).toEqual([{ projectName: 'Queued film', queued: 2, running: 0 }])
    expect(await main.call('project:read', {})).not.toBeNull()

    expect(await main.call('project:close', {})).toEqual({ closed: true })
    expect(asked).toHaveLength(2)
    const reopened = await main.call('project:open', { path: opened.path })
    expect(reopened.project.takes.map((take) => take.id)).toEqual(takes.map((take) => take.id))
    expect(reopened.project.takes.every((take) => isQueuedTake(take))).toBe(true)
  })

  it('pauses the queue over IPC and says so in the state', async () => {
    await start([])
    expect(await main.call('queue:setPaused', { paused: true })).toMatchObject({ paused: true, queued: 0 })
    expect(await main.call('queue:state', {})).toMatchObject({ paused: true })
  })
})
