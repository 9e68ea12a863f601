import { render, screen } from '@testing-library/react'
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
