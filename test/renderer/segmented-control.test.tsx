import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Inspector } from '../../src/renderer/src/features/inspector/Inspector'
import { makeAsset } from './fake-bridge'
import { twoClipProject } from './fixtures'
import { clipOf, renderWithProject } from './render-editor'

describe('segmented controls (the Inspector’s quality and aspect ratio)', () => {
  it('is one Tab stop on the chosen option, and the arrow keys move and choose, wrapping', async () => {
    const user = userEvent.setup()
    renderWithProject(<Inspector />)
    const [std, pro] = within(screen.getByRole('radiogroup', { name: 'Quality' })).getAllByRole('radio')
    expect(clipOf('clip1').mode).toBe('pro')
    expect(pro).toHaveAttribute('aria-checked', 'true')
    expect(pro).toHaveAttribute('tabindex', '0')
    expect(std).toHaveAttribute('tabindex', '-1')

    pro!.focus()
    await user.keyboard('{ArrowRight}')
    expect(clipOf('clip1').mode).toBe('std')
    expect(std).toHaveFocus()
    expect(std).toHaveAttribute('aria-checked', 'true')
    expect(std).toHaveAttribute('tabindex', '0')
    await user.keyboard('{ArrowRight}')
    expect(clipOf('clip1').mode).toBe('pro')
    expect(pro).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(clipOf('clip1').mode).toBe('std')
    await user.keyboard('{End}')
    expect(clipOf('clip1').mode).toBe('pro')
    await user.keyboard('{Home}')
    expect(clipOf('clip1').mode).toBe('std')
  })

  it('chooses by click', async () => {
    const user = userEvent.setup()
    renderWithProject(<Inspector />)
    await user.click(within(screen.getByRole('radiogroup', { name: 'Aspect ratio' })).getByRole('radio', { name: '1:1' }))
    expect(clipOf('clip1').aspectRatio).toBe('1:1')
    expect(screen.getByRole('radio', { name: '1:1' })).toHaveAttribute('aria-checked', 'true')
  })

  it('a locked group (the first frame sets the shape) neither clicks nor moves', async () => {
    const user = userEvent.setup()
    const project = twoClipProject()
    project.clips[0] = { ...project.clips[0]!, firstFrameAssetId: makeAsset(1).id }
    renderWithProject(<Inspector />, project)
    const before = clipOf('clip1').aspectRatio
    const radios = within(screen.getByRole('radiogroup', { name: 'Aspect ratio' })).getAllByRole('radio')
    expect(radios.every((radio) => (radio as HTMLButtonElement).disabled)).toBe(true)
    await user.click(screen.getByRole('radio', { name: '1:1' }))
    await user.keyboard('{ArrowRight}')
    expect(clipOf('clip1').aspectRatio).toBe(before)
  })
})
