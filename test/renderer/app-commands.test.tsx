import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import type { AppCommand, WindowState } from '../../src/shared/app-commands'
import type { FakeBridge } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'

const send = (bridge: FakeBridge, command: AppCommand) => act(() => bridge.emit('app:command', command))
const reports = (bridge: FakeBridge) => bridge.calls.filter((call) => call.channel === 'app:windowState').map((call) => call.request as WindowState)

describe('commands from the native menu', () => {
  it("undoes the project's last edit, and opens the dialogs the title bar opens", async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await user.click(screen.getByRole('radio', { name: 'Std · 720p' }))
    expect(clipOf('clip1').mode).toBe('std')
    await send(bridge, { command: 'history:undo' })
    expect(clipOf('clip1').mode).toBe('pro')
    await send(bridge, { command: 'history:redo' })
    expect(clipOf('clip1').mode).toBe('std')

    await send(bridge, { command: 'project:new' })
    expect(screen.getByRole('dialog', { name: /new project/i })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await send(bridge, { command: 'handoff:export' })
    expect(screen.getByRole('dialog', { name: /export for editor/i })).toBeInTheDocument()
  }, 20_000)

  it('selects the clip main asks for, and ignores one the project does not have', async () => {
    const { bridge } = renderWithProject(<App />)
    await send(bridge, { command: 'clip:select', clipId: 'clip2' })
    expect(useStore.getState().selectedClipId).toBe('clip2')
    await send(bridge, { command: 'clip:select', clipId: 'gone' })
    expect(useStore.getState().selectedClipId).toBe('clip2')
  })

  it('opens a project folder from the OS through the same open call as File → Open', async () => {
    const { bridge } = renderWithProject(<App />)
    await send(bridge, { command: 'project:openPath', path: '/films/Harbour.omniboard' })
    await settle()
    expect(bridge.calls).toContainEqual({ channel: 'project:open', request: { path: '/films/Harbour.omniboard' } })
  })
})

describe('the window state main keeps the menu by', () => {
  it('reports what can be undone and which clip is selected, after each change', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await settle()
    expect(reports(bridge).at(-1)).toEqual({ projectOpen: true, hasClips: true, canUndo: false, canRedo: false, queuePaused: false, selectedClipId: 'clip1' })
    await user.click(screen.getByRole('radio', { name: 'Std · 720p' }))
    await user.click(document.body)
    await user.keyboard('{ArrowRight}')
    await settle()
    expect(reports(bridge).at(-1)).toMatchObject({ canUndo: true, selectedClipId: 'clip2' })
  }, 20_000)
})
