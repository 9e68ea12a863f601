import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WindowState } from '../../src/shared/app-commands'
import { launchBuiltMain, type StandIn } from './launch'
import { itemAt, keysOf, tableKeys, type BuiltMenuItem } from './menu-expectations'

// The built main process with its own code seeing `process.platform === 'darwin'` (STANDIN_PLATFORM, register.mjs)
// and Electron's menu roles as on a Mac. Libraries keep seeing the real platform, so this proves the glue's macOS
// paths, not how macOS itself behaves.

const state = (fields: Partial<WindowState>): WindowState => ({ projectOpen: true, hasClips: true, canUndo: false, canRedo: false, queuePaused: false, selectedClipId: null, ...fields })

describe('a macOS start against a recorded Electron', () => {
  let electron: StandIn

  beforeAll(async () => {
    electron = await launchBuiltMain({ args: ['--demo'], env: { STANDIN_PLATFORM: 'darwin' } })
    await electron.op('ready')
    await electron.waitFor('BrowserWindow.show')
  }, 30_000)
  afterAll(() => electron?.close())

  it('starts the menu bar with the app menu, Settings there, and keeps the window’s menu bar shown', async () => {
    const menu = await electron.op<BuiltMenuItem[]>('applicationMenu')
    expect(menu.map((item) => item.label)).toEqual(['Omniboard', 'File', 'Edit', 'View', 'Generate', 'Window', 'Help'])
    const appMenu = itemAt(menu, 'Omniboard').submenu!.map((item) => item.role ?? item.label)
    expect(appMenu).toEqual(expect.arrayContaining(['about', 'Settings…', 'services', 'hide', 'hideothers', 'unhide', 'quit']))
    expect(keysOf(itemAt(menu, 'Omniboard', 'Settings…').accelerator!)).toBe(tableKeys('Settings'))
    expect(itemAt(menu, 'File').submenu!.map((item) => item.label)).not.toContain('Settings…')
    const [created] = await electron.records('new BrowserWindow')
    expect(created!.args[1]).toMatchObject({ autoHideMenuBar: false })
  })

  it('counts running takes on the dock badge', async () => {
    const sample = (await electron.call('app:firstStart', {}))!
    const clipId = sample.project.clips[0]!.id
    await electron.call('app:windowState', state({ selectedClipId: clipId }))
    await electron.call('generation:start', { clipId, actionId: 'standin-macos-badge' })
    const running = await electron.waitFor('app.setBadgeCount', (entry) => entry.args[0] === 1, { timeoutMs: 20_000 })
    await electron.waitFor('app.setBadgeCount', (entry) => entry.args[0] === 0, { afterSeq: running.seq, timeoutMs: 40_000 })
    // The project joined the recent documents; the jump list is Windows' alone.
    expect(await electron.records('app.addRecentDocument')).toHaveLength(1)
    expect(await electron.records('app.setJumpList')).toEqual([])
  }, 60_000)

  it('stays running without a window when the window closes, and opens one again on activate', async () => {
    await electron.op('closeWindow')
    await electron.waitFor('BrowserWindow.destroy')
    expect(await electron.op('windows')).toEqual([])
    await new Promise((settle) => setTimeout(settle, 200))
    expect(await electron.records('app.quit')).toEqual([])
    await electron.op('emitApp', 'activate', false)
    await electron.waitFor('new BrowserWindow', (entry) => entry.args[0] === 2)
    await electron.waitFor('BrowserWindow.show', (entry) => entry.args[0] === 2)
    // The project closed with the window: the new one starts on the welcome screen.
    expect(await electron.call('project:read', {})).toBeNull()
    expect(await electron.records('stand-in:missing')).toEqual([])
  })

  it('quits with Cmd+Q through the same quit path, and exits 0', async () => {
    await electron.op('quit')
    expect(await electron.exited).toEqual({ code: 0, signal: null })
  }, 20_000)
})
