import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { selectSelectedClipIds } from '../../src/renderer/src/store/selectors'
import { useStore } from '../../src/renderer/src/store/store'
import { createClip } from '../../src/shared/domain/edits'
import { defaultProjectDefaults, type Project } from '../../src/shared/domain/project'
import { twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

function fiveClipProject(): Project {
  const project = twoClipProject()
  const more = [3, 4, 5].map((n) => ({ ...createClip(defaultProjectDefaults, `clip${n}`), prompt: `Shot ${n}` }))
  return { ...project, clips: [...project.clips, ...more] }
}

const selected = () => selectSelectedClipIds(useStore.getState())
const card = (n: number) => screen.getByRole('group', { name: `Clip ${n}` })
const inspector = () => screen.getByRole('region', { name: 'Inspector' })

describe('selecting several clips on the timeline', () => {
  it('selects a range with Shift+click and keeps the last clicked clip in the inspector', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />, fiveClipProject())
    await user.click(within(card(2)).getByText('Clip 2'))
    await user.keyboard('{Shift>}')
    await user.click(within(card(4)).getByText('Clip 4'))
    await user.keyboard('{/Shift}')
    expect(selected()).toEqual(['clip2', 'clip3', 'clip4'])
    expect(useStore.getState().selectedClipId).toBe('clip4')
    expect(within(inspector()).getByText('3 clips selected')).toBeInTheDocument()
    expect(within(inspector()).getByText(/Editing clip 4/)).toBeInTheDocument()
    expect(card(3)).toHaveClass('tl-clip--in-selection')
    expect(card(1)).not.toHaveClass('tl-clip--in-selection')
  })

  it('adds and removes single clips with Ctrl+click, even when the click lands on a frame slot', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />, fiveClipProject())
    await user.keyboard('{Control>}')
    await user.click(within(card(3)).getByRole('button', { name: 'First frame of clip 3' }))
    await user.click(within(card(5)).getByText('Clip 5'))
    await user.keyboard('{/Control}')
    expect(selected()).toEqual(['clip1', 'clip3', 'clip5'])
    await user.keyboard('{Control>}')
    await user.click(within(card(3)).getByText('Clip 3'))
    await user.keyboard('{/Control}')
    expect(selected()).toEqual(['clip1', 'clip5'])
    expect(useStore.getState().selectedClipId).toBe('clip5')
  })

  it('selects every clip with Ctrl+A but leaves Ctrl+A in a text field alone', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />, fiveClipProject())
    await user.click(screen.getByRole('textbox', { name: 'Prompt' }))
    await user.keyboard('{Control>}a{/Control}')
    expect(selected()).toEqual(['clip1'])
    await user.click(document.body)
    await user.keyboard('{Control>}a{/Control}')
    expect(selected()).toEqual(['clip1', 'clip2', 'clip3', 'clip4', 'clip5'])
    expect(within(inspector()).getByText('5 clips selected')).toBeInTheDocument()
  })

  it('goes back to the primary clip with Escape, and a plain click selects one clip again', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />, fiveClipProject())
    await user.keyboard('{Shift>}')
    await user.click(within(card(3)).getByText('Clip 3'))
    await user.keyboard('{/Shift}')
    expect(selected()).toEqual(['clip1', 'clip2', 'clip3'])
    await user.keyboard('{Escape}')
    expect(selected()).toEqual(['clip3'])
    expect(within(inspector()).queryByText(/clips selected/)).not.toBeInTheDocument()
    await user.keyboard('{Control>}a{/Control}')
    await user.click(within(card(2)).getByText('Clip 2'))
    expect(selected()).toEqual(['clip2'])
  })
})
