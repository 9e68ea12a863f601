import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { shortcutTable } from '../../src/shared/shortcut-table'
import { useStore } from '../../src/renderer/src/store/store'
import { renderWithProject, settle } from './render-editor'

const clipIds = () => useStore.getState().doc!.clips.map((c) => c.id)

describe('keyboard shortcuts', () => {
  it('moves the selection with the arrow keys and the selected clip with Alt+arrow', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />)
    expect(useStore.getState().selectedClipId).toBe('clip1')
    await user.keyboard('{ArrowRight}')
    expect(useStore.getState().selectedClipId).toBe('clip2')
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}')
    expect(clipIds()).toEqual(['clip2', 'clip1'])
  })

  it('deletes the selected clip with Delete, but not while typing in a field', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await user.click(screen.getByRole('textbox', { name: 'Prompt' }))
    await user.keyboard('{Delete}')
    expect(clipIds()).toEqual(['clip1', 'clip2'])
    await user.click(document.body)
    await user.keyboard('{Delete}')
    expect(clipIds()).toEqual(['clip2'])
    expect(useStore.getState().selectedClipId).toBe('clip2')
    await settle()
    expect(bridge.sentOps()).toContainEqual({ type: 'removeClip', clipId: 'clip1' })
  })

  it('saves with Ctrl+S and opens the shortcut list with ?', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await user.keyboard('{Control>}s{/Control}')
    await settle()
    expect(bridge.calls.some((c) => c.channel === 'project:saveNow')).toBe(true)
    await user.keyboard('?')
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const shortcut of shortcutTable) expect(dialog).toHaveTextContent(shortcut.label)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument()
  })
})
