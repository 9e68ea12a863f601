import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { FakeBridge } from './fake-bridge'
import { twoClipProject } from './fixtures'

describe('welcome screen', () => {
  let bridge: FakeBridge
  beforeEach(() => {
    bridge = new FakeBridge(twoClipProject())
    bridge.install()
    useStore.setState(useStore.getInitialState(), true)
  })

  it('lists recent projects with their path and clip count, and opens one', async () => {
    const user = userEvent.setup()
    bridge.handle('project:read', () => null)
    bridge.handle('project:recent', () => [{ path: '/home/ana/Teaser.omniboard', name: 'Teaser', openedAt: new Date().toISOString(), clipCount: 4 }])
    bridge.handle('project:open', () => bridge.snapshot())
    render(<App />)
    const open = await screen.findByRole('button', { name: /^Teaser/ })
    expect(open).toHaveTextContent('/home/ana/Teaser.omniboard')
    expect(open).toHaveTextContent('4 clips')
    await user.click(open)
    expect(await screen.findByRole('textbox', { name: 'Project name' })).toHaveValue('Test project')
    expect(bridge.calls.find((c) => c.channel === 'project:open')?.request).toEqual({ path: '/home/ana/Teaser.omniboard' })
  })

  it('shows a recent project’s thumbnail, addressed by its asset id, in place of its initial', async () => {
    bridge.handle('project:read', () => null)
    const thumbnailAssetId = 'b'.repeat(64)
    bridge.handle('project:recent', () => [
      { path: '/home/ana/Teaser.omniboard', name: 'Teaser', openedAt: new Date().toISOString(), clipCount: 4, thumbnailAssetId },
      { path: '/home/ana/Draft.omniboard', name: 'Draft', openedAt: new Date().toISOString(), clipCount: 0, thumbnailAssetId: null },
    ])
    render(<App />)
    const teaser = await screen.findByRole('button', { name: /^Teaser/ })
    const img = teaser.querySelector('.recent-item__thumb img')
    expect(img).toHaveAttribute('src', `omniboard-media://media/recent/${thumbnailAssetId}`)
    const draft = screen.getByRole('button', { name: /^Draft/ })
    expect(draft.querySelector('.recent-item__thumb')).toHaveTextContent('D')
    expect(draft.querySelector('img')).toBeNull()
    // A picture that cannot be loaded leaves the colour tile with its initial.
    fireEvent.error(img!)
    expect(teaser.querySelector('img')).toBeNull()
    expect(teaser.querySelector('.recent-item__thumb')).toHaveTextContent('T')
  })

  it('asks for a name inline and creates the project', async () => {
    const user = userEvent.setup()
    bridge.handle('project:read', () => null)
    bridge.handle('project:create', () => bridge.snapshot())
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'New project' }))
    await user.type(screen.getByRole('textbox', { name: 'Project name' }), 'Rainy Tokyo{Enter}')
    expect(bridge.calls.find((c) => c.channel === 'project:create')?.request).toEqual({ name: 'Rainy Tokyo' })
    expect(await screen.findByRole('region', { name: 'Timeline' })).toBeInTheDocument()
  })

  it('shows an open failure with its message and hint', async () => {
    const user = userEvent.setup()
    bridge.handle('project:read', () => null)
    bridge.handle('project:openSample', () => ({
      ok: false,
      error: { code: 'disk_full', message: 'The disk is full.', hint: 'Free some space and try again.' },
    }))
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'Open the sample project' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The disk is full.')
    expect(alert).toHaveTextContent('Free some space and try again.')
  })
})
