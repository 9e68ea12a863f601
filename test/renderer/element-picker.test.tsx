import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { createElement } from '../../src/shared/domain/edits'
import type { Project } from '../../src/shared/domain/project'
import { clipOf, renderWithProject, settle } from './render-editor'
import { twoClipProject } from './fixtures'

/** Three elements; only "Lighthouse lamp" is attached to clip1, so it is @1 and the others would become @2. */
function threeElementProject(): Project {
  const project = twoClipProject()
  const [clip1, clip2] = project.clips
  return {
    ...project,
    clips: [{ ...clip1!, elementIds: ['el2'] }, clip2!],
    elements: [...project.elements, createElement('el2', 'Lighthouse lamp'), createElement('el3', 'Harbour boat')],
  }
}

async function startPrompt(text: string) {
  const user = userEvent.setup()
  renderWithProject(<ClipEditor />, threeElementProject())
  const prompt = screen.getByRole('textbox', { name: 'Prompt' })
  await user.clear(prompt)
  await user.type(prompt, text)
  return { user, prompt }
}

const optionNames = () => within(screen.getByRole('listbox', { name: 'Elements' })).getAllByRole('option').map((o) => o.textContent)

describe('element picker', () => {
  it('filters by the name typed after @, ignoring case, and Enter attaches and inserts the element', async () => {
    const { user, prompt } = await startPrompt('Close on @KEE')
    expect(optionNames()).toEqual(['The keeperattach'])
    const option = screen.getByRole('option', { name: /The keeper/ })
    expect(option).toHaveAttribute('aria-selected', 'true')
    expect(prompt).toHaveAttribute('aria-activedescendant', option.id)
    await user.keyboard('{Enter}')
    const clip = clipOf('clip1')
    expect(clip.elementIds).toEqual(['el2', 'el1'])
    expect(clip.prompt).toBe('Close on <<<element_2>>>')
    expect(screen.queryByRole('listbox', { name: 'Elements' })).not.toBeInTheDocument()
    await settle()
    expect(clipOf('clip1').prompt).toBe('Close on <<<element_2>>>')
  })

  it('replaces only the @query, keeping the text after the caret', async () => {
    const { user, prompt } = await startPrompt('A lamp.')
    await user.type(prompt, ' @lamp', { initialSelectionStart: 6, initialSelectionEnd: 6 })
    expect(optionNames()).toEqual(['Lighthouse lamp@1'])
    await user.keyboard('{Tab}')
    expect(clipOf('clip1').prompt).toBe('A lamp <<<element_1>>>.')
    expect(clipOf('clip1').elementIds).toEqual(['el2'])
    expect(prompt).toHaveFocus()
  })

  it('moves the highlight with the arrow keys and keeps the ARIA pointing at it', async () => {
    const { user, prompt } = await startPrompt('Then @')
    expect(optionNames()).toEqual(['Lighthouse lamp@1', 'The keeperattach', 'Harbour boatattach'])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const boat = screen.getByRole('option', { name: /Harbour boat/ })
    expect(boat).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('option', { name: /Lighthouse lamp/ })).toHaveAttribute('aria-selected', 'false')
    expect(prompt).toHaveAttribute('aria-activedescendant', boat.id)
    expect(prompt).toHaveAttribute('aria-controls', screen.getByRole('listbox', { name: 'Elements' }).id)
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}')
    expect(screen.getByRole('option', { name: /The keeper/ })).toHaveAttribute('aria-selected', 'true')
    await user.type(prompt, 'o')
    // A narrower list starts again at its first entry.
    expect(optionNames()).toEqual(['Lighthouse lamp@1', 'Harbour boatattach'])
    expect(screen.getByRole('option', { name: /Lighthouse lamp/ })).toHaveAttribute('aria-selected', 'true')
  })

  it('closes on Escape and leaves what was typed', async () => {
    const { user, prompt } = await startPrompt('Close on @kee')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('listbox', { name: 'Elements' })).not.toBeInTheDocument()
    expect(prompt).not.toHaveAttribute('aria-controls')
    expect(prompt).not.toHaveAttribute('aria-activedescendant')
    expect(clipOf('clip1').prompt).toBe('Close on @kee')
    await user.keyboard('{Enter}')
    expect(clipOf('clip1').prompt).toBe('Close on @kee\n')
    expect(clipOf('clip1').elementIds).toEqual(['el2'])
  })

  it('says no element has that name and where to create one', async () => {
    const { user, prompt } = await startPrompt('Close on @ghost')
    const empty = screen.getByRole('option', { name: /No element named “ghost”/ })
    expect(empty).toHaveTextContent('Create one in the Elements panel.')
    expect(empty).toHaveAttribute('aria-disabled', 'true')
    expect(prompt).not.toHaveAttribute('aria-activedescendant')
    await user.keyboard('{Enter}')
    expect(clipOf('clip1').prompt).toBe('Close on @ghost\n')
    expect(clipOf('clip1').elementIds).toEqual(['el2'])
  })

  it('ends the mention at a space, so an @ in prose stays prose', async () => {
    const { prompt } = await startPrompt('Meet @ the keeper')
    expect(screen.queryByRole('listbox', { name: 'Elements' })).not.toBeInTheDocument()
    expect(prompt).not.toHaveAttribute('aria-controls')
    expect(clipOf('clip1').prompt).toBe('Meet @ the keeper')
  })

  it('closes when the caret leaves the @query', async () => {
    const { user, prompt } = await startPrompt('Close on @kee')
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('listbox', { name: 'Elements' })).toBeInTheDocument()
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}')
    expect(screen.queryByRole('listbox', { name: 'Elements' })).not.toBeInTheDocument()
    expect(prompt).toHaveValue('Close on @kee')
  })

  it('still inserts at the caret from the menu button', async () => {
    const { user, prompt } = await startPrompt('Close on ')
    const field = prompt.closest<HTMLElement>('.prompt-field')!
    await user.click(within(field).getByRole('button', { name: 'Insert element reference' }))
    await user.click(screen.getByRole('option', { name: /Harbour boat/ }))
    expect(clipOf('clip1').prompt).toBe('Close on <<<element_2>>>')
    expect(clipOf('clip1').elementIds).toEqual(['el2', 'el3'])
  })
})
