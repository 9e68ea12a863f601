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

const running: QueueState = { paused: false, queued: 1, running: 1, waitingForConnection: 0, connected: true, held: 0, concurrency: { limit: 3, effective: 3 }, rateLimitedUntil: null, pauseReason: null }
const paused: QueueState = { ...running, paused: true }
const unreachable: QueueState = { ...running, waitingForConnection: 1, connected: false }

/** Clip 1 has a take waiting in the queue; clip 2 a take already sent and rendering at MuleRouter. */
function project() {
  const sent: Take = { ...makeTake('clip2', 'sent1', 'processing'), taskId: 'task-1', submittedAt: new Date().toISOString() }
  return { ...twoClipProject(), takes: [makeTake('clip1', 'queued1'), sent] }
}

async function openEditor(state: QueueState) {
  const user = userEvent.setup()
  const rendered = renderWithProject(<App />, project())
  useQueueUi.setState({ open: false, state: null, request: null })
  rendered.bridge.handle('queue:state', () => state)
  await user.click(screen.getByRole('button', { name: 'Queue, 2 queued or running' }))
  await screen.findByRole('button', { name: state.paused ? 'Resume queue' : 'Pause queue' })
  return { user, ...rendered }
}

const titleBar = () => screen.getAllByRole('banner')[0]!
const panel = () => screen.getByRole('complementary', { name: 'Queue' })
const card = (n: number) => screen.getByRole('group', { name: `Clip ${n}` })
const takeRow = () => screen.getByRole('listitem', { name: 'Take 1' })

/** The words a waiting take went by (today's and before), so a place that still says the old word is read, not missed. */
const words = /^\s*(Queued|Paused|Waiting for connection|In queue|\d+ waiting for connection)\s*$/

/** What each of the four places says about clip 1's queued take, and whether anything there moves. */
function queuedTakeEverywhere() {
  return {
    titleBar: within(titleBar()).queryByText(words)?.textContent?.trim() ?? null,
    takeList: within(takeRow()).getByText(words).textContent,
    timeline: within(card(1)).getByTitle(/^(Queued|Paused|Waiting for connection|Generating)$/).getAttribute('title'),
    queuePanel: within(within(panel()).getByRole('listitem', { name: 'Clip 1, take 1' })).getByText(words).textContent,
    moving: card(1).querySelectorAll('.spin').length + within(takeRow()).queryAllByRole('progressbar').length,
  }
}

// The whole editor renders: slower than the 5 s default on a busy machine.
describe('one status vocabulary in the take list, the timeline, the Queue panel and the title bar', { timeout: 30_000 }, () => {
  it('says Paused in all four while the queue is paused, with no spinner and no moving bar', async () => {
    await openEditor(paused)
    expect(queuedTakeEverywhere()).toEqual({ titleBar: 'Paused', takeList: 'Paused', timeline: 'Paused', queuePanel: 'Paused', moving: 0 })
    // Pausing holds only what is not sent: the take at MuleRouter still renders, and says so.
    expect(within(within(panel()).getByRole('region', { name: 'Sent' })).getByText('Generating')).toBeInTheDocument()
    expect(within(card(2)).getByLabelText('Generating')).toHaveClass('spin')
  })

  it('says Waiting for connection in all four while MuleRouter cannot be reached, for queued and sent takes alike', async () => {
    await openEditor(unreachable)
    expect(queuedTakeEverywhere()).toEqual({ titleBar: 'Waiting for connection', takeList: 'Waiting for connection', timeline: 'Waiting for connection', queuePanel: 'Waiting for connection', moving: 0 })
    const sentRow = within(panel()).getByRole('listitem', { name: 'Clip 2, take 1' })
    expect(sentRow).toHaveTextContent('Waiting for connection')
    expect(card(2).querySelectorAll('.spin')).toHaveLength(0)
    expect(within(card(2)).getByLabelText('Waiting for connection')).toBeInTheDocument()
  })

  it('keeps queued and sent apart: Queued waits under Queued, a take MuleRouter holds says Sent under Sent', async () => {
    const { bridge } = await openEditor(running)
    act(() => bridge.emit('take:updated', { take: { ...project().takes[1]!, status: 'pending', updatedAt: new Date(Date.now() + 1000).toISOString() } }))
    // Nothing holds the queue, so the title bar has no word of its own to add.
    expect(queuedTakeEverywhere()).toEqual({ titleBar: null, takeList: 'Queued', timeline: 'Queued', queuePanel: 'Queued', moving: 0 })
    expect(within(within(panel()).getByRole('region', { name: 'Sent' })).getByText('Sent')).toBeInTheDocument()
    expect(within(within(panel()).getByRole('region', { name: 'Queued' })).getByText('Queued')).toBeInTheDocument()
  })
})
