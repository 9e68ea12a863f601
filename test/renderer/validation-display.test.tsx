import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { useStore } from '../../src/renderer/src/store/store'
import { renderWithProject, settle } from './render-editor'

const tooLong = 'The prompt is 2,501 characters — the limit is 2,500. Cut 1.'

describe('validation display', () => {
  it('shows an over-long prompt once, next to the field, and disables Generate with the reason', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<ClipEditor />)
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'clip1', patch: { prompt: 'x'.repeat(2501) } }))

    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    expect(prompt).toHaveAttribute('aria-invalid', 'true')
    expect(prompt).toHaveAccessibleDescription(expect.stringContaining(tooLong))
    expect(screen.getByRole('region', { name: 'Validation summary' })).not.toHaveTextContent(tooLong)
    expect(screen.getAllByText(tooLong, { exact: false }).filter((el) => !el.closest('[aria-hidden="true"], .visually-hidden'))).toHaveLength(1)

    const generate = screen.getByRole('button', { name: 'Generate' })
    expect(generate).toHaveAttribute('aria-disabled', 'true')
    expect(generate).toHaveAccessibleDescription(expect.stringContaining(tooLong))
    await user.click(generate)
    await settle()
    expect(bridge.calls.some((c) => c.channel === 'generation:start')).toBe(false)
  })

  it('enables Generate once the problem is fixed, and sends the clip with its latest edits', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<ClipEditor />)
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'clip1', patch: { prompt: '' } }))
    expect(screen.getByRole('button', { name: 'Generate' })).toHaveAttribute('aria-disabled', 'true')
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'A gull takes off')
    const generate = screen.getByRole('button', { name: 'Generate' })
    expect(generate).toHaveAttribute('aria-disabled', 'false')
    await user.click(generate)
    await settle()
    const start = bridge.calls.findIndex((c) => c.channel === 'generation:start')
    const lastEdit = bridge.calls.findLastIndex((c) => c.channel === 'project:edit')
    expect(start).toBeGreaterThan(lastEdit)
    expect(bridge.project.clips[0]!.prompt).toBe('A gull takes off')
    expect(useStore.getState().takes.map((t) => t.clipId)).toEqual(['clip1'])
  })

  it('explains that generating needs a connection while offline', () => {
    renderWithProject(<ClipEditor />)
    act(() => useStore.getState().setOnline(false))
    const generate = screen.getByRole('button', { name: 'Generate' })
    expect(generate).toHaveAttribute('aria-disabled', 'true')
    expect(generate).toHaveAccessibleDescription(expect.stringContaining('offline'))
  })

  it('opens settings with an explanation when there is no API key', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />)
    act(() => useStore.getState().setSettings({ ...useStore.getState().settings!, hasApiKey: false, keyStorage: 'none' }))
    await user.click(screen.getByRole('button', { name: 'Generate' }))
    expect(useStore.getState().dialog).toBe('settings')
    expect(useStore.getState().dialogReason).toMatch(/API key/)
  })
})
