import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { clipOf, renderWithProject, settle } from './render-editor'

describe('undo and redo', () => {
  it('restores an edit with Ctrl+Z, redoes it with Shift+Ctrl+Z, and sends each restored document', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    await user.type(prompt, ', then night falls')
    expect(clipOf('clip1').prompt).toBe('A lighthouse at dusk, then night falls')
    await settle()

    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip1').prompt).toBe('A lighthouse at dusk')
    expect(prompt).toHaveValue('A lighthouse at dusk')
    await settle()
    const undone = bridge.sentOps().at(-1)
    expect(undone?.type).toBe('replaceDocument')
    expect(bridge.project.clips[0]!.prompt).toBe('A lighthouse at dusk')

    await user.keyboard('{Shift>}{Control>}z{/Control}{/Shift}')
    expect(clipOf('clip1').prompt).toBe('A lighthouse at dusk, then night falls')
    await settle()
    expect(bridge.project.clips[0]!.prompt).toBe('A lighthouse at dusk, then night falls')
  })

  it('undoes separate edits one at a time and redoes with Ctrl+Y', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />)
    await user.click(screen.getByRole('radio', { name: 'Std · 720p' }))
    await user.click(screen.getByRole('switch', { name: 'Sound' }))
    expect(clipOf('clip1')).toMatchObject({ mode: 'std', sound: 'on' })
    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip1')).toMatchObject({ mode: 'std', sound: 'off' })
    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip1')).toMatchObject({ mode: 'pro', sound: 'off' })
    await user.keyboard('{Control>}y{/Control}')
    expect(clipOf('clip1')).toMatchObject({ mode: 'std', sound: 'off' })
  })
})
