import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import type { EditRequest } from '../../src/shared/domain/edit-request'
import type { Take } from '../../src/shared/domain/project'
import type { QueuePlan } from '../../src/shared/domain/spend'
import { makeTake } from './fake-bridge'
import { renderWithProject, settle } from './render-editor'

const facts = { durationSeconds: 5, width: 1280, height: 720, fps: 24, bytes: 3_000_000, contentType: 'video/mp4' }

function finished(id: string): Take {
  return { ...makeTake('clip1', id, 'completed'), taskId: `task-${id}`, finishedAt: new Date().toISOString(), videoFacts: facts }
}

function planOf(problems: string[], estimateUsd = 0.56): QueuePlan {
  return { items: [{ clipId: 'clip1', position: 1, title: '', takes: 1, estimateUsd, problems }], clipCount: 1, takeCount: 1, totalUsd: estimateUsd, budgets: [] } as QueuePlan
}

function setup() {
  const user = userEvent.setup()
  const rendered = renderWithProject(<App />)
  act(() => rendered.bridge.emit('take:updated', { take: finished('take1') }))
  return { user, ...rendered }
}

/** One paste rather than a keystroke each: the whole editor re-renders per change, slow on a loaded machine. */
async function write(user: ReturnType<typeof userEvent.setup>, box: HTMLElement, text: string) {
  await user.click(box)
  await user.paste(text)
}

const editButton = () => within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'Edit…' })

describe('editing a take by instruction', { timeout: 30_000 }, () => {
  it('shows the rules main reports and keeps Generate from sending while one is broken', async () => {
    const { user, bridge } = setup()
    bridge.handle('generation:planEdit', (request: EditRequest) =>
      planOf(request.instruction.includes('snow') ? ['Take 1 is 15 s; an edit needs 3–10 s.'] : []),
    )
    await user.click(editButton())
    const dialog = screen.getByRole('dialog', { name: 'Edit take 1' })
    const generate = within(dialog).getByRole('button', { name: /Generate edit/ })
    expect(generate).toHaveAttribute('aria-disabled', 'true')
    expect(generate).toHaveAttribute('title', 'Say what to change, e.g. "add falling snow".')
    await write(user, within(dialog).getByLabelText('Instruction'), 'add falling snow')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Take 1 is 15 s; an edit needs 3–10 s.')
    expect(generate).toHaveAttribute('title', 'Take 1 is 15 s; an edit needs 3–10 s.')
    await user.click(generate)
    expect(bridge.calls.some((c) => c.channel === 'generation:edit')).toBe(false)
  })

  it('sends the drafted edit once and lists the result as a new take with its lineage', async () => {
    const { user, bridge } = setup()
    bridge.handle('generation:planEdit', () => planOf([]))
    let made: Take | null = null
    bridge.handle('generation:edit', (request: EditRequest & { actionId: string }) => {
      made ??= { ...makeTake('clip1', 'take2', 'submitting'), endpoint: 'video-to-video/edit', edit: { source: request.source, instruction: request.instruction } }
      return made
    })
    await user.click(editButton())
    const dialog = screen.getByRole('dialog', { name: 'Edit take 1' })
    await write(user, within(dialog).getByLabelText('Instruction'), 'add falling snow')
    await user.click(within(dialog).getByRole('switch', { name: 'Keep the take’s sound' }))
    const generate = within(dialog).getByRole('button', { name: /Generate edit/ })
    await waitFor(() => expect(generate).toHaveAccessibleName('Generate edit · ≈ $0.56'))
    await waitFor(() => expect(generate).not.toHaveAttribute('aria-disabled', 'true'))
    await user.click(generate)
    await settle()
    const sent = bridge.calls.filter((c) => c.channel === 'generation:edit').map((c) => c.request)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ clipId: 'clip1', source: { kind: 'take', takeId: 'take1' }, instruction: 'add falling snow', keepOriginalSound: false, mode: 'pro', referenceImageIds: [], elementIds: [] })
    expect(screen.queryByRole('dialog', { name: 'Edit take 1' })).not.toBeInTheDocument()
    expect(screen.getByRole('listitem', { name: 'Take 2' })).toHaveTextContent('Edit of take 1: add falling snow')
  })

  it('adds an element chosen in the instruction’s picker to the edit, and returns focus to Edit… on Escape', async () => {
    const { user, bridge } = setup()
    bridge.handle('generation:planEdit', () => planOf([]))
    await user.click(editButton())
    const dialog = screen.getByRole('dialog', { name: 'Edit take 1' })
    const instruction = within(dialog).getByLabelText('Instruction')
    await write(user, instruction, 'give ')
    await user.type(instruction, '@')
    const options = within(dialog).getAllByRole('option').map((option) => option.textContent)
    expect(options[0]).toContain('Take 1')
    await user.click(within(dialog).getByRole('option', { name: /The keeper/ }))
    expect(instruction).toHaveValue('give <<<element_1>>>')
    expect(within(dialog).getByRole('button', { name: 'Remove The keeper from the edit' })).toBeInTheDocument()
    await waitFor(() => expect(bridge.calls.filter((c) => c.channel === 'generation:planEdit').at(-1)?.request).toMatchObject({ elementIds: ['el1'] }))
    await user.keyboard('{Escape}')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Edit take 1' })).not.toBeInTheDocument()
    expect(editButton()).toHaveFocus()
  })

  it('says at once, beside the source, why a take too long for an edit cannot be edited', async () => {
    const { user, bridge } = setup()
    bridge.handle('generation:planEdit', () => planOf([]))
    act(() => bridge.emit('take:updated', { take: { ...finished('take1'), videoFacts: { ...facts, durationSeconds: 15 }, updatedAt: new Date(Date.now() + 1000).toISOString() } }))
    await user.click(editButton())
    const dialog = screen.getByRole('dialog', { name: 'Edit take 1' })
    await write(user, within(dialog).getByLabelText('Instruction'), 'add falling snow')
    const reason = within(dialog).getByText(/15 s/, { selector: '.field-issue span' })
    expect(reason.textContent).toMatch(/3–10 s/)
    expect(within(dialog).getByRole('button', { name: /Generate edit/ })).toHaveAttribute('title', reason.textContent)
  })

  it('probes a take that was never probed when the dialog opens on it', async () => {
    const { user, bridge } = setup()
    bridge.handle('generation:planEdit', () => planOf([]))
    bridge.handle('takes:videoFacts', () => facts)
    act(() => bridge.emit('take:updated', { take: { ...finished('take1'), videoFacts: undefined, updatedAt: new Date(Date.now() + 1000).toISOString() } }))
    await user.click(editButton())
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'takes:videoFacts').map((c) => c.request)).toEqual([{ takeId: 'take1' }])
    expect(useStore.getState().takes).toHaveLength(1)
  })
})
