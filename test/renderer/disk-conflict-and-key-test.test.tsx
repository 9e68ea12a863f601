import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { renderWithProject, settle } from './render-editor'

const changedOnDiskError = () => ({
  code: 'project_changed_on_disk' as const,
  message: 'project.json was changed by another program after Omniboard opened it.',
  hint: 'Reload from disk, or Keep mine.',
})

describe('the changed-on-disk banner', () => {
  it('appears when saving stops for a change on disk, and Reload shows their version and goes away', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await settle()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    act(() => bridge.emit('project:saveState', { state: 'error', savedAt: null, error: changedOnDiskError() }))
    const banner = screen.getByRole('alert')
    expect(banner).toHaveTextContent('Another program changed this project on disk')
    expect(screen.getByText('Not saved — changed on disk')).toBeInTheDocument()
    bridge.handle('project:reloadFromDisk', () => ({ ...bridge.snapshot(), project: { ...bridge.project, name: 'Their name' } }))
    await user.click(within(banner).getByRole('button', { name: 'Reload from disk' }))
    await settle()
    expect(bridge.calls.map((c) => c.channel)).toContain('project:reloadFromDisk')
    expect(useStore.getState().doc!.name).toBe('Their name')
    expect(screen.getByLabelText('Project name')).toHaveValue('Their name')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('Keep mine saves ours and says where theirs was kept', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await settle()
    act(() => bridge.emit('project:saveState', { state: 'error', savedAt: null, error: changedOnDiskError() }))
    bridge.handle('project:keepMine', () => ({ savedAt: '2026-12-01T09:13:00.000Z', keptCopy: 'project.changed-2026-12-01T0912.json' }))
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Keep mine' }))
    await settle()
    expect(bridge.calls.map((c) => c.channel)).toContain('project:keepMine')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(document.body).toHaveTextContent('project.changed-2026-12-01T0912.json')
  })

  it('stays away for other save failures, which have no "theirs" to choose', async () => {
    const { bridge } = renderWithProject(<App />)
    await settle()
    act(() => bridge.emit('project:saveState', { state: 'error', savedAt: null, error: { code: 'disk_full', message: 'The disk is full.', hint: 'Free some space.' } }))
    expect(screen.queryByRole('button', { name: 'Keep mine' })).not.toBeInTheDocument()
  })
})

describe('Test key in Settings', () => {
  async function openSettings() {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await settle()
    bridge.handle('settings:testApiKey', () => ({ valid: true }))
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const dialog = screen.getByRole('dialog', { name: 'Settings' })
    await user.click(within(dialog).getByRole('radio', { name: 'Custom URL' }))
    return { user, bridge, dialog }
  }

  it('tests the base URL typed in the dialog, not the one saved before', async () => {
    const { user, bridge, dialog } = await openSettings()
    fireEvent.change(within(dialog).getByLabelText('Custom base URL'), { target: { value: 'http://127.0.0.1:8787/' } })
    await user.click(within(dialog).getByRole('button', { name: 'Test key' }))
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'settings:testApiKey').map((c) => c.request)).toEqual([{ baseUrl: 'http://127.0.0.1:8787' }])
    expect(dialog).toHaveTextContent('accepted the key')
  })

  it('refuses plain http to another computer before anything is sent, and says why', async () => {
    const { user, bridge, dialog } = await openSettings()
    fireEvent.change(within(dialog).getByLabelText('Custom base URL'), { target: { value: 'http://example.com' } })
    expect(dialog).toHaveTextContent('only allowed on this computer')
    await user.click(within(dialog).getByRole('button', { name: 'Test key' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }))
    await settle()
    expect(bridge.calls.map((c) => c.channel)).not.toContain('settings:testApiKey')
    expect(bridge.calls.map((c) => c.channel)).not.toContain('settings:update')
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument()
  })
})
