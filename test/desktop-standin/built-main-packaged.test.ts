import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBuiltMain, repoRoot, type StandIn } from './launch'
import { flatten, itemAt, keysOf, menuShortcuts, tableKeys, windowKeys, type BuiltMenuItem } from './menu-expectations'

// The built main process started as a packaged Linux app (`app.isPackaged`, no `electron <app>` argument).

describe('a packaged start against a recorded Electron (Linux)', () => {
  let electron: StandIn
  let menu: BuiltMenuItem[]

  beforeAll(async () => {
    // A leftover dev-server variable must not make a packaged app load a URL.
    electron = await launchBuiltMain({ packaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } })
    await electron.op('ready')
    await electron.waitFor('BrowserWindow.show')
    menu = await electron.op<BuiltMenuItem[]>('applicationMenu')
  }, 30_000)
  afterAll(() => electron?.close())

  it('loads the built page from its files', async () => {
    expect((await electron.records('webContents.loadFile')).map((entry) => entry.args[1])).toEqual([join(repoRoot, 'out/renderer/index.html')])
    expect(await electron.records('webContents.loadURL')).toEqual([])
    expect(await electron.records('stand-in:missing')).toEqual([])
  })

  it('replaces Electron’s default menu with its own: no Reload or developer tools, the roles text fields need', () => {
    const roles = flatten(menu).map((item) => item.role)
    for (const devOnly of ['reload', 'forcereload', 'toggledevtools']) expect(roles).not.toContain(devOnly)
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Generate', 'Window', 'Help'])
    expect(itemAt(menu, 'Edit').submenu!.map((item) => item.role ?? item.label)).toEqual(['Undo', 'Redo', undefined, 'cut', 'copy', 'paste', 'selectall'].map((role) => role ?? expect.anything()))
    expect(roles).toEqual(expect.arrayContaining(['filemenu', 'editmenu', 'viewmenu', 'windowmenu', 'help', 'togglefullscreen', 'zoomin', 'zoomout', 'resetzoom', 'quit', 'about']))
    // Undo and Redo are the project's history (the window's commands), not the text field's roles.
    expect([itemAt(menu, 'Edit', 'Undo').role, itemAt(menu, 'Edit', 'Redo').role]).toEqual([undefined, undefined])
  })

  it('takes each accelerator from the shortcut table, and leaves the keys the window handles to the window', () => {
    const settingsPath = process.platform === 'darwin' ? ['Omniboard', 'Settings…'] : ['File', 'Settings…']
    for (const [path, row] of [...menuShortcuts, [settingsPath, 'Settings'] as const]) {
      expect(keysOf(itemAt(menu, ...path).accelerator ?? ''), path.join(' → ')).toBe(tableKeys(row))
    }
    for (const item of flatten(menu)) {
      if (!item.accelerator) continue
      const handledByWindow = windowKeys.has(keysOf(item.accelerator))
      // A key the page handles must not also be registered by the menu, or one press would run the action twice.
      if (handledByWindow) expect(item.registerAccelerator, `${item.label} (${item.accelerator})`).toBe(false)
      // An accelerator of our own (not a role's) is one the shortcut table lists, so the help overlay shows it.
      if (!item.role) expect(handledByWindow, `${item.label} (${item.accelerator}) is in the shortcut table`).toBe(true)
    }
  })

  it('shows the third-party licences from Help in a window that runs no script, and names them in About', async () => {
    const [about] = await electron.records('app.setAboutPanelOptions')
    expect(about!.args[0]).toMatchObject({ applicationName: 'Omniboard', copyright: expect.stringContaining('Help → Third-Party Licences') })
    const since = (await electron.records()).at(-1)!.seq
    await electron.op('clickMenu', ['Help', 'Third-Party Licences'])
    const opened = await electron.waitFor('new BrowserWindow', undefined, { afterSeq: since })
    const [windowId, options] = opened.args as [number, { webPreferences: Record<string, unknown> }]
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(options.webPreferences).not.toHaveProperty('preload')
    const loaded = await electron.waitFor('webContents.loadFile', (entry) => entry.seq > opened.seq)
    expect(loaded.args[1]).toBe(join(repoRoot, 'out/licenses/third-party-notices.html'))
    // Shown once the page loaded (a missing file fails the load and the window would stay hidden).
    await electron.waitFor('BrowserWindow.show', (entry) => entry.args[0] === windowId)
    await electron.op('clickMenu', ['Help', 'Third-Party Licences'])
    expect(await electron.records('new BrowserWindow')).toHaveLength(2)
    await electron.op('clickMenu', ['Help', 'About'])
    await electron.waitFor('app.showAboutPanel')
  })

  it('quits when the user closes its main window, through its own quit path, and closes the others', async () => {
    const [main] = await electron.records('new BrowserWindow')
    const mainId = main!.args[0]
    await electron.op('closeWindow', mainId)
    expect(await electron.exited).toEqual({ code: 0, signal: null })
    const calls = electron.recordsAtExit().filter((entry) => entry.api !== 'BrowserWindow.close' || entry.args[0] === mainId)
    const apis = calls.map((entry) => entry.api)
    const closes = apis.flatMap((api, index) => (api === 'BrowserWindow.close' ? [index] : []))
    expect(closes).toHaveLength(2)
    expect(apis.slice(closes[0], closes[1]).filter((api) => api === 'app.quit')).toHaveLength(2)
    expect(apis.at(-1)).toBe('app:exit')
  })
})

describe('a second start while Omniboard runs', () => {
  it('leaves at once, without a window or IPC handlers of its own', async () => {
    const electron = await launchBuiltMain({ packaged: true, instanceLocked: true, args: ['/home/ada/Films/Second.omniboard'] })
    try {
      expect(await electron.exited).toEqual({ code: 0, signal: null })
      const calls = electron.recordsAtExit().map((entry) => entry.api)
      expect(calls).toContain('app.requestSingleInstanceLock')
      expect(calls).not.toContain('new BrowserWindow')
      expect(calls).not.toContain('protocol.handle')
    } finally {
      await electron.close()
    }
  })
})
