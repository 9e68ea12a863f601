import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { twoClipProject } from './fixtures'
import { clipOf, renderWithProject } from './render-editor'

const prompt = 'Close on <<<element_1>>> at dusk'
const tokenEnd = prompt.indexOf('>>>') + 3

function projectWithToken() {
  const project = twoClipProject()
  project.clips[0] = { ...project.clips[0]!, prompt, elementIds: ['el1'] }
  return project
}

describe('element chips inside the prompt box', () => {
  it('shows the element by name inside the box while the stored prompt keeps the API token', () => {
    renderWithProject(<ClipEditor />, projectWithToken())
    const box = screen.getByRole('textbox', { name: 'Prompt' }).parentElement!
    const chip = box.querySelector('.prompt-field__chip')
    expect(chip).toHaveTextContent('The keeper')
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt)
  })

  it('deletes the whole token with one Backspace after the chip', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />, projectWithToken())
    const field = screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement
    field.focus()
    field.setSelectionRange(tokenEnd, tokenEnd)
    await user.keyboard('{Backspace}')
    expect(clipOf('clip1').prompt).toBe('Close on  at dusk')
  })

  it('keeps the caret out of the token: an arrow key from after the chip lands before it', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />, projectWithToken())
    const field = screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement
    await user.click(field)
    field.setSelectionRange(tokenEnd, tokenEnd)
    field.dispatchEvent(new Event('select', { bubbles: true }))
    await user.keyboard('{ArrowLeft}')
    expect(field.selectionStart).toBe(prompt.indexOf('<<<'))
    await user.keyboard('x')
    expect(clipOf('clip1').prompt).toBe('Close on x<<<element_1>>> at dusk')
  })
})
