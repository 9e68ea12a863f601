import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { doublePressMs } from '../../src/renderer/src/features/takes/generate/start-guard'
import { makeTake } from './fake-bridge'
import { renderWithProject, settle } from './render-editor'

const starts = (bridge: { calls: { channel: string; request: unknown }[] }) =>
  bridge.calls.filter((c) => c.channel === 'generation:start').map((c) => c.request as { clipId: string; actionId: string })

describe('Generate sends one take per press', () => {
  it('ignores a held Ctrl+Enter, the button and another press while a start is in flight', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    let answer: (take: unknown) => void = () => undefined
    bridge.handle('generation:start', () => new Promise((resolve) => (answer = resolve)))
    await user.click(screen.getByRole('textbox', { name: 'Prompt' }))
    await user.keyboard('{Control>}{Enter>4/}{/Control}')
    await user.click(screen.getByRole('button', { name: /Generate/ }))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await settle()
    expect(starts(bridge)).toHaveLength(1)
    await act(async () => answer(makeTake('clip1', 'take1')))
  })

  it('sends a second press 150 ms after the first under the same action id, and a later press as a new action', async () => {
    const { bridge } = renderWithProject(<App />)
    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    // Only the wall clock is moved by hand, so a loaded machine cannot stretch 150 ms into a second.
    const now = vi.spyOn(Date, 'now')
    const pressAt = (ms: number) => {
      now.mockReturnValue(1_800_000_000_000 + ms)
      fireEvent.keyDown(prompt, { key: 'Enter', ctrlKey: true })
      return settle()
    }
    try {
      await pressAt(0)
      await pressAt(150)
      await pressAt(150 + doublePressMs + 100)
    } finally {
      now.mockRestore()
    }
    const [first, double, later] = starts(bridge)
    expect(starts(bridge)).toHaveLength(3)
    expect(first!.actionId).toMatch(/^[A-Za-z0-9_-]{16}$/)
    // The main process answers a repeated action id with the take it already made (one-action-one-post.test.ts).
    expect(double!.actionId).toBe(first!.actionId)
    expect(later!.actionId).not.toBe(first!.actionId)
  })
})

describe('stopping a take', () => {
  it('offers Cancel before the POST, and Stop waiting then Check again after it', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const queued = makeTake('clip1', 'take1', 'submitting')
    act(() => bridge.emit('take:updated', { take: queued }))
    const row = () => screen.getByRole('listitem', { name: 'Take 1' })
    expect(within(row()).getByRole('button', { name: 'Cancel' })).toBeInTheDocument()

    const sent = { ...queued, status: 'processing' as const, taskId: 'task-1', submittedAt: new Date().toISOString(), updatedAt: new Date(Date.now() + 1000).toISOString() }
    const stopped = { ...sent, status: 'stopped' as const, updatedAt: new Date(Date.now() + 2000).toISOString() }
    bridge.handle('generation:cancel', () => stopped)
    bridge.handle('generation:checkAgain', () => ({ ...sent, status: 'pending', updatedAt: new Date(Date.now() + 3000).toISOString() }))
    act(() => bridge.emit('take:updated', { take: sent }))
    await user.click(within(row()).getByRole('button', { name: 'Stop waiting' }))
    await settle()
    expect(row()).toHaveTextContent('Not followed')
    expect(row()).toHaveTextContent('The task still runs at MuleRouter')
    await user.click(within(row()).getByRole('button', { name: 'Check again' }))
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'generation:checkAgain').map((c) => c.request)).toEqual([{ takeId: 'take1' }])
    expect(row()).toHaveTextContent('Sent')
  })
})
