import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { clipOf, renderWithProject, settle } from './render-editor'

describe('clip editor', () => {
  it('writes what the user types into the store and sends the same edit to the main process', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<ClipEditor />)
    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    await user.clear(prompt)
    await user.type(prompt, 'Fog rolls in')
    expect(clipOf('clip1').prompt).toBe('Fog rolls in')
    await settle()
    expect(bridge.project.clips[0]!.prompt).toBe('Fog rolls in')
    expect(bridge.sentOps().at(-1)).toEqual({ type: 'updateClip', clipId: 'clip1', patch: { prompt: 'Fog rolls in' } })
  })

  it('counts characters against the limit and warns from 90 %', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />)
    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    await user.clear(prompt)
    await user.click(prompt)
    await user.paste('x'.repeat(2250))
    const counter = screen.getByText('2,250 / 2,500')
    expect(counter).toHaveClass('char-counter--warning')
    await user.paste('x'.repeat(251))
    expect(screen.getByText('2,501 / 2,500')).toHaveClass('char-counter--danger')
  })

  it('edits several shots, each with its own prompt and duration, in multi-shot mode', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />)
    await user.click(screen.getByRole('radio', { name: 'Multi-shot' }))
    expect(screen.getByRole('textbox', { name: 'Shot 1 prompt' })).toHaveValue('A lighthouse at dusk')
    await user.click(screen.getByRole('button', { name: 'Add shot' }))
    await user.click(screen.getByRole('button', { name: 'Add shot' }))
    await user.type(screen.getByRole('textbox', { name: 'Shot 2 prompt' }), 'The keeper climbs')
    await user.type(screen.getByRole('textbox', { name: 'Shot 3 prompt' }), 'The lamp turns')
    const duration = screen.getByRole('spinbutton', { name: 'Shot 1 duration' })
    await user.clear(duration)
    await user.type(duration, '4')
    const clip = clipOf('clip1')
    expect(clip.shots.map((s) => s.prompt)).toEqual(['A lighthouse at dusk', 'The keeper climbs', 'The lamp turns'])
    expect(clip.shots[0]!.duration).toBe(4)
    expect(clip.duration).toBe(clip.shots.reduce((sum, s) => sum + s.duration, 0))
  })

  it('inserts an element token when @ is typed and an element is chosen', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />)
    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    await user.clear(prompt)
    await user.type(prompt, 'Close on @')
    expect(screen.getByRole('listbox', { name: 'Elements' })).toBeInTheDocument()
    await user.keyboard('{Enter}')
    const clip = clipOf('clip1')
    expect(clip.elementIds).toEqual(['el1'])
    expect(clip.prompt).toBe('Close on <<<element_1>>>')
    expect(screen.getByRole('list', { name: 'Elements referenced' })).toHaveTextContent('The keeper')
  })

  it('shows a refused edit and goes back to what the main process saved', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    bridge.handle('project:edit', () => ({
      ok: false,
      error: { code: 'disk_permission', message: 'Omniboard cannot write to this folder.', hint: 'Check the folder permissions.' },
    }))
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), '!')
    await settle()
    expect(await screen.findByRole('alert')).toHaveTextContent('Omniboard cannot write to this folder.')
    expect(clipOf('clip1').prompt).toBe('A lighthouse at dusk')
  })
})
