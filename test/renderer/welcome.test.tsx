import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
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

  it('shows a recent project’s thumbnail in place of its initial once the bytes arrive', async () => {
    bridge.handle('project:read', () => null)
    const thumbnailAssetId = 'b'.repeat(64)
    bridge.handle('project:recent', () => [
      { path: '/home/ana/Teaser.omniboard', name: 'Teaser', openedAt: new Date().toISOString(), clipCount: 4, thumbnailAssetId },
      { path: '/home/ana/Draft.omniboard', name: 'Draft', openedAt: new Date().toISOString(), clipCount: 0, thumbnailAssetId: null },
    ])
    bridge.handle('media:recentThumbnail', ({ path }: { path: string }) =>
      path === '/home/ana/Teaser.omniboard' ? { mime: 'image/webp', bytes: new Uint8Array([0x52, 0x49, 0x46, 0x46]) } : null,
    )
    const { unmount } = render(<App />)
    const teaser = await screen.findByRole('button', { name: /^Teaser/ })
    await waitFor(() => expect(teaser.querySelector('.recent-item__thumb img')).toHaveAttribute('src', expect.stringMatching(/^blob:/)))
    const url = teaser.querySelector('img')!.getAttribute('src')
    const draft = screen.getByRole('button', { name: /^Draft/ })
    expect(draft.querySelector('.recent-item__thumb')).toHaveTextContent('D')
    expect(draft.querySelector('img')).toBeNull()
    // Only a project that has a thumbnail is asked for one.
    expect(bridge.calls.filter((c) => c.channel === 'media:recentThumbnail').map((c) => c.request)).toEqual([{ path: '/home/ana/Teaser.omniboard' }])
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    unmount()
    expect(revoke).toHaveBeenCalledWith(url)
    revoke.mockRestore()
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
