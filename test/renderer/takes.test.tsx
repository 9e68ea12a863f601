import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { makeTake } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'

describe('take viewer', () => {
  it('shows a running take with its status and progress, then plays it when done', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const take = { ...makeTake('clip1', 'take1', 'processing'), taskId: 'task-1' }
    act(() => bridge.emit('take:updated', { take }))
    act(() => bridge.emit('job:progress', { takeId: 'take1', clipId: 'clip1', status: 'processing', elapsedMs: 30_000, estimatedRemainingMs: 30_000, downloadedBytes: null, totalBytes: null }))

    const row = screen.getByRole('listitem', { name: 'Take 1' })
    expect(row).toHaveTextContent('Generating')
    expect(row).toHaveTextContent('0:30')
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')

    const done = { ...take, status: 'completed' as const, updatedAt: new Date(Date.now() + 1000).toISOString(), finishedAt: new Date().toISOString() }
    act(() => bridge.emit('take:updated', { take: done }))
    expect(await screen.findByText('A take of clip 1 is ready.')).toBeInTheDocument()
    expect(await screen.findByLabelText('Take 1 video')).toHaveAttribute('src', 'omniboard-media://media/take/take1/0')
    await user.click(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'Use this take' }))
    expect(clipOf('clip1').chosenTakeId).toBe('take1')
    await settle()
    expect(bridge.sentOps()).toContainEqual({ type: 'chooseTake', clipId: 'clip1', takeId: 'take1' })
  })

  it('offers Retry when a download failed, from the row and from the toast', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const running = { ...makeTake('clip1', 'take1', 'downloading'), taskId: 'task-1' }
    act(() => bridge.emit('take:updated', { take: running }))
    const failed = {
      ...running,
      status: 'failed' as const,
      updatedAt: new Date(Date.now() + 1000).toISOString(),
      error: { code: 'download_failed' as const, message: 'The video could not be downloaded.', hint: 'Check your connection and retry.' },
    }
    bridge.handle('generation:checkAgain', () => ({ ...running, updatedAt: new Date(Date.now() + 2000).toISOString() }))
    act(() => bridge.emit('take:updated', { take: failed }))
    const toast = await screen.findByRole('alert')
    expect(toast).toHaveTextContent('The video could not be downloaded.')
    await user.click(within(toast).getByRole('button', { name: 'Retry' }))
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'generation:checkAgain')).toHaveLength(1)
    expect(useStore.getState().takes[0]!.status).toBe('downloading')
  })

  it('marks a take Kling refused for its content as refused, with the reason and no Send again', async () => {
    const { bridge } = renderWithProject(<App />)
    const refused = {
      ...makeTake('clip1', 'take1', 'failed'),
      taskId: 'task-1',
      error: { code: 'task_refused' as const, message: 'Kling refused to make this video for its content (code 1301): Content refused.', hint: 'Change the prompt or images it objects to, then generate again.' },
    }
    act(() => bridge.emit('take:updated', { take: refused }))
    const row = screen.getByRole('listitem', { name: 'Take 1' })
    expect(row).toHaveTextContent('Refused by Kling')
    expect(row).not.toHaveTextContent('Failed')
    expect(row).toHaveTextContent('Kling refused to make this video for its content (code 1301): Content refused. Change the prompt or images it objects to')
    expect(within(row).queryByRole('button', { name: /Send again/ })).not.toBeInTheDocument()
  })

  it('asks before resubmitting a take whose submission is unconfirmed, showing what sending it again may cost', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const unknown = makeTake('clip1', 'take1', 'submit_unknown')
    const other = makeTake('clip1', 'take2', 'submit_unknown')
    bridge.handle('generation:resolveUnknown', ({ takeId }: { takeId: string }) => ({ ...(takeId === 'take1' ? unknown : other), status: 'cancelled', updatedAt: new Date(Date.now() + 1000).toISOString() }))
    act(() => bridge.emit('take:updated', { take: unknown }))
    act(() => bridge.emit('take:updated', { take: other }))
    const row = screen.getByRole('listitem', { name: 'Take 1' })
    expect(row).toHaveTextContent('second paid task')
    await user.click(within(row).getByRole('button', { name: 'Resubmit…' }))
    await settle()
    expect(bridge.calls.some((c) => c.channel === 'generation:resolveUnknown')).toBe(false)
    // 5 s of pro without sound at the default $0.112 a second.
    expect(within(row).getByRole('group', { name: 'Confirm resubmit' })).toHaveTextContent('This may charge you again: ≈ $0.56')
    await user.click(within(row).getByRole('button', { name: 'Send again' }))
    await user.click(within(screen.getByRole('listitem', { name: 'Take 2' })).getByRole('button', { name: 'Dismiss' }))
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'generation:resolveUnknown').map((c) => c.request)).toEqual([
      { takeId: 'take1', action: 'resubmit' },
      { takeId: 'take2', action: 'dismiss' },
    ])
  })
})
