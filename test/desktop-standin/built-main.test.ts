import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WindowState } from '../../src/shared/app-commands'
import { channelNames } from '../../src/shared/ipc/contract'
import type { ProjectSnapshot } from '../../src/shared/domain/project-snapshot'
import { MEDIA_SCHEME } from '../../src/shared/media-paths'
import { launchBuiltMain, repoRoot, type Recorded, type StandIn } from './launch'
import { itemAt, type BuiltMenuItem } from './menu-expectations'

// `npm run demo` as Electron would run it (`electron out/main/index.js --demo <folder>`), against the stand-in:
// the steps below follow one another in this one process, as a user's session does.

const state = (fields: Partial<WindowState>): WindowState => ({ projectOpen: true, hasClips: true, canUndo: false, canRedo: false, queuePaused: false, selectedClipId: null, ...fields })
const seqOf = (entries: Recorded[], match: (entry: Recorded) => boolean) => entries.find(match)?.seq ?? Infinity
const argsOf = (entry: Recorded) => entry.args as [number, ...unknown[]]

/** What main asked the window to do (`app:command` events), after a point in the session. */
async function commandsSince(electron: StandIn, afterSeq: number): Promise<unknown[]> {
  return (await electron.records('webContents.send')).filter((entry) => entry.seq > afterSeq && entry.args[1] === 'app:command').map((entry) => entry.args[2])
}
const lastSeq = async (electron: StandIn) => (await electron.records()).at(-1)?.seq ?? 0
const menuOf = (electron: StandIn) => electron.op<BuiltMenuItem[]>('applicationMenu')

describe('the built main process against a recorded Electron (development start, demo mode)', () => {
  let electron: StandIn
  let sample: ProjectSnapshot
  const dockFolder = '/Users/ada/Films/From the dock.omniboard'

  beforeAll(async () => {
    electron = await launchBuiltMain({ args: ['--demo', 'Typed on the command line.omniboard'], cwd: 'work' })
  }, 30_000)
  afterAll(() => electron?.close())

  it('declares the media scheme privileged before ready, and creates no window and no handler before ready', async () => {
    const before = await electron.records()
    const privileged = before.filter((entry) => entry.api === 'protocol.registerSchemesAsPrivileged').flatMap((entry) => entry.args[0] as unknown[])
    expect(privileged).toEqual([{ scheme: MEDIA_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true, stream: true }) }])
    expect(before.filter((entry) => entry.api === 'new BrowserWindow' || (entry.api === 'ipcMain.handle' && entry.args[0] !== '__ELECTRON_LOG__'))).toEqual([])
    expect(await electron.records('app.requestSingleInstanceLock')).toHaveLength(1)
  })

  it('takes a folder macOS opens before ready (open-file) and keeps it for the window', async () => {
    expect(await electron.op('emitApp', 'open-file', dockFolder)).toEqual({ defaultPrevented: true })
  })

  it('when ready: hardens the session, sets its own menu, handles the scheme and every IPC channel, then opens the secure window', async () => {
    await electron.op('ready')
    await electron.waitFor('BrowserWindow.show')
    const all = await electron.records()
    const ready = seqOf(all, (entry) => entry.api === 'app:ready')
    const window = all.find((entry) => entry.api === 'new BrowserWindow')!
    const ourMenu = all.filter((entry) => entry.api === 'Menu.setApplicationMenu' && JSON.stringify(entry.args).includes('New Project…'))
    expect(ourMenu.length, 'our menu is set').toBeGreaterThan(0)
    expect(ourMenu[0]!.seq, 'menu before the first window').toBeLessThan(window.seq)
    expect(seqOf(all, (entry) => entry.api === 'session.setPermissionRequestHandler')).toBeLessThan(window.seq)
    expect(seqOf(all, (entry) => entry.api === 'protocol.handle' && entry.args[0] === MEDIA_SCHEME)).toBeGreaterThan(ready)

    const handled = all.filter((entry) => entry.api === 'ipcMain.handle').map((entry) => entry.args[0])
    expect(handled.filter((channel) => channel !== '__ELECTRON_LOG__').sort()).toEqual([...channelNames].sort())
    expect(Math.max(...all.filter((entry) => entry.api === 'ipcMain.handle' && entry.args[0] !== '__ELECTRON_LOG__').map((entry) => entry.seq))).toBeLessThan(window.seq)

    const options = argsOf(window)[1] as { show: boolean; webPreferences: Record<string, unknown> }
    expect(options.show, 'hidden until ready-to-show').toBe(false)
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: join(repoRoot, 'out/preload/index.cjs'),
    })
    expect(existsSync(options.webPreferences['preload'] as string)).toBe(true)
    expect(options.webPreferences).not.toHaveProperty('enableRemoteModule')
    const [loaded] = await electron.records('webContents.loadFile')
    expect(argsOf(loaded!)[1]).toBe(join(repoRoot, 'out/renderer/index.html'))
    expect(await electron.records('webContents.loadURL')).toEqual([])
    expect(await electron.op('windows')).toEqual([expect.objectContaining({ visible: true, url: pathToFileURL(join(repoRoot, 'out/renderer/index.html')).href })])
  })

  it('denies new windows, navigation and permissions, except full screen for its own top frame', async () => {
    expect(await electron.op('windowOpen', undefined, 'https://example.com/')).toEqual({ action: 'deny' })
    expect(await electron.op('emitContents', undefined, 'will-navigate', { url: 'https://example.com/' })).toEqual({ defaultPrevented: true })
    expect(await electron.op('askPermission', undefined, 'fullscreen')).toEqual({ granted: true, check: true })
    expect(await electron.op('askPermission', undefined, 'fullscreen', { isMainFrame: false })).toMatchObject({ granted: false })
    expect(await electron.op('askPermission', undefined, 'media')).toEqual({ granted: false, check: false })
    const fromSubFrame = await electron.op<{ ok: boolean }>('invoke', 'project:read', {}, { subFrameUrl: 'https://example.com/' })
    expect(fromSubFrame.ok).toBe(false)
  })

  it('opens the sample on the first start, joins it to the recent documents and serves its media over the scheme', async () => {
    sample = (await electron.call('app:firstStart', {}))!
    expect(sample.project.clips.length).toBeGreaterThan(0)
    await electron.waitFor('app.addRecentDocument', (entry) => entry.args[0] === sample.path)
    const asset = sample.project.assets[0]!
    const thumb = await electron.op<{ status: number; body: Uint8Array }>('fetchProtocol', `${MEDIA_SCHEME}://media/thumb/${asset.id}`)
    expect(thumb.status).toBe(200)
    expect(thumb.body.byteLength).toBeGreaterThan(100)
    expect(await electron.op('fetchProtocol', `${MEDIA_SCHEME}://media/thumb/not-an-asset`)).toMatchObject({ status: 404 })
  })

  it('hands the command-line folder and the early open-file folder to the window once it listens, in that order', async () => {
    const since = await lastSeq(electron)
    expect(await commandsSince(electron, since)).toEqual([])
    await electron.call('app:windowState', state({ selectedClipId: sample.project.clips[0]!.id }))
    await electron.waitFor('webContents.send', (entry) => entry.args[1] === 'app:command', { afterSeq: since })
    expect(await commandsSince(electron, since)).toEqual([
      { command: 'project:openPath', path: join(electron.home, 'work', 'Typed on the command line.omniboard') },
      { command: 'project:openPath', path: dockFolder },
    ])
  })

  it('enables menu items by the window state and routes them to the window', async () => {
    expect(itemAt(await menuOf(electron), 'Edit', 'Undo').enabled).toBe(false)
    await electron.call('app:windowState', state({ canUndo: true, selectedClipId: sample.project.clips[0]!.id }))
    const menu = await menuOf(electron)
    expect(itemAt(menu, 'Edit', 'Undo').enabled).toBe(true)
    expect(itemAt(menu, 'Edit', 'Redo').enabled).toBe(false)
    const since = await lastSeq(electron)
    await electron.op('clickMenu', ['Edit', 'Undo'])
    await electron.op('clickMenu', ['File', 'Open…'])
    await electron.op('clickMenu', ['Help', 'Read Me'])
    expect(await commandsSince(electron, since)).toEqual([{ command: 'history:undo' }, { command: 'project:open' }])
    await electron.waitFor('shell.openExternal', (entry) => String(entry.args[0]).startsWith('https://github.com/'), { afterSeq: since })
  })

  it('brings a minimised window back for a second instance and opens the folder it names, relative to its directory', async () => {
    await electron.op('minimize')
    const since = await lastSeq(electron)
    const argv = ['/opt/Omniboard/omniboard', '--allow-file-access-from-files', '--enable-features=Foo', 'Second.omniboard']
    await electron.op('emitApp', 'second-instance', argv, '/home/ada/Films', {})
    const calls = (await electron.records()).filter((entry) => entry.seq > since).map((entry) => entry.api)
    expect(calls).toEqual(expect.arrayContaining(['BrowserWindow.restore', 'BrowserWindow.focus']))
    expect(calls.indexOf('BrowserWindow.restore')).toBeLessThan(calls.indexOf('BrowserWindow.focus'))
    expect(await electron.op('windows')).toEqual([expect.objectContaining({ minimized: false, focused: true })])
    expect(await commandsSince(electron, since)).toEqual([{ command: 'project:openPath', path: resolve('/home/ada/Films', 'Second.omniboard') }])
  })

  it('opens a folder dropped on the window instead of navigating to it', async () => {
    const dropped = join(electron.home, 'Dropped.omniboard')
    mkdirSync(dropped)
    const since = await lastSeq(electron)
    expect(await electron.op('emitContents', undefined, 'will-navigate', { url: pathToFileURL(dropped).href })).toEqual({ defaultPrevented: true })
    await electron.waitFor('webContents.send', (entry) => entry.args[1] === 'app:command', { afterSeq: since })
    expect(await commandsSince(electron, since)).toEqual([{ command: 'project:openPath', path: dropped }])
  })

  it('used nothing of Electron that the stand-in does not provide', async () => {
    expect(await electron.records('stand-in:missing')).toEqual([])
  })
})
