import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useQueueUi } from '../../src/renderer/src/features/queue/queue-store'
import type { Take } from '../../src/shared/domain/project'
import type { QueueState } from '../../src/shared/domain/spend'
import { makeTake } from './fake-bridge'
import { twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

const idle: QueueState = { paused: false, queued: 3, running: 1, waitingForConnection: 0, connected: true, held: 0, concurrency: { limit: 3, effective: 3 }, rateLimitedUntil: null, pauseReason: null }
const estimate = (usd: number) => ({ usd, ratePerSecond: 0.112, seconds: 5, mode: 'pro' as const, sound: 'off' as const, at: '2026-01-01T00:00:00.000Z' })
const queued = (clipId: string, id: string, position: number, extra: Partial<Take> = {}): Take => ({ ...makeTake(clipId, id), queuePosition: position, estimate: estimate(0.56), ...extra })

function queueProject() {
  const project = twoClipProject()
  const running: Take = { ...makeTake('clip1', 'run1', 'processing'), taskId: 'task-1', submittedAt: new Date().toISOString() }
  const held = queued('clip2', 'held1', 2, {
    hold: { reason: 'budget', at: '2026-01-01T00:00:00.000Z', error: { code: 'budget_exceeded', message: "Sending it would pass today's $20.00 budget by $0.40.", hint: 'Raise the cap in Settings or cancel it.' } },
  })
  return { ...project, takes: [running, queued('clip1', 'q1', 1), held, queued('clip2', 'q2', 0)] }
}

async function openPanel() {
  const user = userEvent.setup()
  const rendered = renderWithProject(<App />, queueProject())
  useQueueUi.setState({ open: false, state: null, request: null })
  rendered.bridge.handle('queue:state', () => idle)
  rendered.bridge.handle('queue:setPaused', ({ paused }: { paused: boolean }) => ({ ...idle, paused }))
  rendered.bridge.handle('generation:cancel', ({ takeId }: { takeId: string }) => ({ ...queueProject().takes.find((t) => t.id === takeId)!, status: 'cancelled', updatedAt: new Date(Date.now() + 1000).toISOString() }))
  await user.click(screen.getByRole('button', { name: 'Queue, 4 queued or running' }))
  return { user, panel: screen.getByRole('complementary', { name: 'Queue' }), ...rendered }
}

const rowNames = (section: HTMLElement) => within(section).getAllByRole('listitem').map((row) => row.getAttribute('aria-label'))

describe('the Queue panel', () => {
  it('lists what runs, then what waits in the order it will be sent, with take numbers and estimates', async () => {
    const { panel } = await openPanel()
    expect(rowNames(within(panel).getByRole('region', { name: 'Sent' }))).toEqual(['Clip 1, take 1'])
    expect(rowNames(within(panel).getByRole('region', { name: 'Queued' }))).toEqual(['Clip 2, take 2', 'Clip 1, take 2', 'Clip 2, take 1'])
    expect(within(panel).getByRole('listitem', { name: 'Clip 1, take 1' })).toHaveTextContent('Generating')
    expect(within(panel).getByRole('listitem', { name: 'Clip 2, take 2' })).toHaveTextContent(/Queued.*≈ \$0\.56 est\./)
  })

  it('shows upload progress and time left from job:progress', async () => {
    const { panel, bridge } = await openPanel()
    const MB = 1024 * 1024
    act(() => bridge.emit('job:progress', { takeId: 'run1', clipId: 'clip1', status: 'processing', elapsedMs: 65_000, estimatedRemainingMs: 90_000, downloadedBytes: null, totalBytes: null }))
    expect(within(panel).getByRole('listitem', { name: 'Clip 1, take 1' })).toHaveTextContent('1:05 · ≈ 1:30 left')
    const uploading: Take = { ...makeTake('clip2', 'up1'), submittedAt: new Date().toISOString() }
    act(() => bridge.emit('take:updated', { take: uploading }))
    act(() => bridge.emit('job:progress', { takeId: 'up1', clipId: 'clip2', status: 'submitting', elapsedMs: 4000, estimatedRemainingMs: null, downloadedBytes: null, totalBytes: null, uploadedBytes: 23 * MB, uploadTotalBytes: 60 * MB, uploadBytesPerSecond: 0.5 * MB }))
    const row = within(panel).getByRole('listitem', { name: 'Clip 2, take 3' })
    expect(row).toHaveTextContent('Uploading')
    expect(row).toHaveTextContent('Uploading 23 of 60 MB · 0.5 MB/s · about 1 min 10 s left')
  })

  it('says why a held take waits, in plain words', async () => {
    const { panel } = await openPanel()
    const held = within(panel).getByRole('listitem', { name: 'Clip 2, take 1' })
    expect(held).toHaveTextContent('Held: budget')
    expect(held).toHaveTextContent("Sending it would pass today's $20.00 budget by $0.40. Raise the cap in Settings or cancel it.")
  })

  it('removes a queued take with generation:cancel and says it was never sent', async () => {
    const { user, panel, bridge } = await openPanel()
    await user.click(within(panel).getByRole('button', { name: 'Remove Clip 1, take 2 from the queue' }))
    expect(bridge.calls.filter((c) => c.channel === 'generation:cancel').map((c) => c.request)).toEqual([{ takeId: 'q1' }])
    expect(await screen.findByText('Removed from the queue: never sent, nothing charged.')).toBeInTheDocument()
    expect(within(panel).queryByRole('listitem', { name: 'Clip 1, take 2' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Queue, 3 queued or running' })).toBeInTheDocument()
  })

  it('pauses and resumes the whole queue, and the title bar says Paused meanwhile', async () => {
    const { user, panel, bridge } = await openPanel()
    await user.click(await within(panel).findByRole('button', { name: 'Pause queue' }))
    expect(bridge.calls.filter((c) => c.channel === 'queue:setPaused').map((c) => c.request)).toEqual([{ paused: true }])
    expect(within(screen.getAllByRole('banner')[0]!).getByText('Paused')).toBeInTheDocument()
    expect(within(panel).getByRole('listitem', { name: 'Clip 2, take 2' })).toHaveTextContent('Paused')
    await user.click(within(panel).getByRole('button', { name: 'Resume queue' }))
    expect(within(screen.getAllByRole('banner')[0]!).queryByText('Paused')).not.toBeInTheDocument()
  })

  it('says in the title bar that takes wait for the connection', async () => {
    const { bridge } = await openPanel()
    act(() => bridge.emit('queue:state', { ...idle, waitingForConnection: 3, connected: false }))
    expect(within(screen.getAllByRole('banner')[0]!).getByText('Waiting for connection')).toHaveAttribute('title', 'Takes wait here until MuleRouter can be reached, then go on by themselves')
  })

  const pausedFor = (code: 'api_insufficient_credits' | 'api_unauthorized' | 'api_forbidden', message: string, hint: string): QueueState => ({
    ...idle,
    paused: true,
    running: 0,
    pauseReason: { code, message, hint },
  })

  it('says why MuleRouter paused the queue, in the title bar and the panel, and Resume clears it', async () => {
    const { user, panel, bridge } = await openPanel()
    act(() => bridge.emit('queue:state', pausedFor('api_insufficient_credits', 'MuleRouter says the balance is too low.', 'Add credits to your MuleRouter account, then Resume the queue.')))
    const banner = screen.getAllByRole('banner')[0]!
    const words = 'MuleRouter says the balance is too low. Add credits to your MuleRouter account, then Resume the queue.'
    expect(within(banner).getByText(words)).toBeInTheDocument()
    expect(within(panel).getByText(words)).toBeInTheDocument()
    expect(within(banner).queryByRole('button', { name: 'Open Settings' })).not.toBeInTheDocument()
    expect(within(panel).queryByRole('button', { name: 'Open Settings' })).not.toBeInTheDocument()
    expect(within(panel).getByRole('listitem', { name: 'Clip 2, take 2' })).toHaveTextContent('Paused')

    await user.click(within(panel).getByRole('button', { name: 'Resume queue' }))
    expect(bridge.calls.filter((c) => c.channel === 'queue:setPaused').map((c) => c.request)).toEqual([{ paused: false }])
    expect(screen.queryByText(words)).not.toBeInTheDocument()
  })

  for (const code of ['api_unauthorized', 'api_forbidden'] as const) {
    it(`offers Settings, where the key is, when the queue paused for ${code}`, async () => {
      const { user, panel, bridge } = await openPanel()
      act(() => bridge.emit('queue:state', pausedFor(code, 'MuleRouter did not accept the API key.', 'Fix the API key in Settings, then Resume the queue.')))
      const banner = screen.getAllByRole('banner')[0]!
      expect(within(banner).getByText(/did not accept the API key/)).toBeInTheDocument()
      expect(within(banner).getByRole('button', { name: 'Open Settings' })).toBeInTheDocument()
      await user.click(within(panel).getByRole('button', { name: 'Open Settings' }))
      const settings = screen.getByRole('dialog', { name: 'Settings' })
      expect(within(settings).getByRole('status')).toHaveTextContent('MuleRouter did not accept the API key. Fix the API key in Settings, then Resume the queue.')
    })
  }

  it('opens and closes with Ctrl+Shift+Q', async () => {
    const { user } = await openPanel()
    await user.keyboard('{Control>}{Shift>}q{/Shift}{/Control}')
    expect(screen.queryByRole('complementary', { name: 'Queue' })).not.toBeInTheDocument()
    await user.keyboard('{Control>}{Shift>}Q{/Shift}{/Control}')
    expect(screen.getByRole('complementary', { name: 'Queue' })).toBeInTheDocument()
  })
})
