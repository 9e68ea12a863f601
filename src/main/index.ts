import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, net, powerMonitor, powerSaveBlocker, protocol, safeStorage, session, shell } from 'electron'
import Store from 'electron-store'
import log from 'electron-log/main'
import type { EventName, EventPayload } from '../shared/ipc/contract'
import type { Result } from '../shared/result'
import { createOmniboardMain, type OmniboardMain } from './omniboard-main'
import { createDemoProfile, startDemoServer, wantsDemo, type DemoServer } from './demo-mode'
import { appOriginPolicy } from './ipc/router'
import { isAllowedExternalUrl } from './external-links'
import { allowOnlyOwnFullscreen, hardenWebContents } from './harden'
import type { KeyCipher } from './services/secrets/api-key-store'
import { electronMediaBase, MEDIA_SCHEME } from '../shared/media-paths'
import { electronPdfPrinter } from './electron-pdf-printer'
import { askAfterWindowTrouble, electronDialogs } from './electron-dialogs'
import { openMainWindow } from './main-window'
import { createLifecycle } from './desktop/app-lifecycle'
import { bringToFront } from './desktop/window-focus'
import { createStayAwake } from './desktop/stay-awake'
import { createCommandOutbox } from './desktop/command-outbox'
import { createElectronMenu } from './electron-menu'
import { createElectronAttention } from './electron-attention'
import { createElectronJumpList } from './electron-jump-list'
import { changesRecentProjects } from './desktop/jump-list'
import { registerIpcChannels } from './electron-ipc'
import { createCrashRecovery } from './desktop/crash-recovery'
import { pathOfDroppedFileUrl, projectPathFromArgv } from './desktop/open-requests'
import { aboutPanelOptions } from './desktop/about'
import { createLicensesWindow } from './electron-licenses'

// Thin Electron glue: everything that can run without Electron lives in omniboard-main.ts and its services.

const rendererDevUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const allowedOrigins = rendererDevUrl ? [rendererDevUrl] : [pathToFileURL(rendererFile).href]
const isAllowedSender = appOriginPolicy(allowedOrigins)

const cipher: KeyCipher = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  isStrong: () => process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text',
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
}

let mainWindow: BrowserWindow | null = null
let omniboard: OmniboardMain | null = null
let demo: DemoServer | null = null

// Media reaches the page over our own scheme, streamed from disk with byte ranges (must be declared before ready).
// supportFetchAPI: Play film fetches a lane's sound file once to decode it for Web Audio (CSP connect-src allows the scheme).
protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } }])

// Lets the E2E suite (Playwright's _electron) run against throwaway folders instead of the user's own.
const userDataOverride = process.env['OMNIBOARD_USER_DATA_DIR']
if (userDataOverride) app.setPath('userData', userDataOverride)
// The demo's own profile replaces userData before anything reads it: the user's settings and key stay untouched.
const demoProfile = wantsDemo(process.argv, process.env) ? createDemoProfile(tmpdir()) : null
if (demoProfile) app.setPath('userData', demoProfile.userDataDir)
const documentsDir = () => demoProfile?.documentsDir ?? process.env['OMNIBOARD_DOCUMENTS_DIR'] ?? app.getPath('documents')

function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(event, payload)
  attention.observeEvent(event, payload)
}
const commands = createCommandOutbox((command) => emit('app:command', command))
const attention = createElectronAttention({ window: () => mainWindow, showWindow: () => void showWindow(), send: (command) => commands.send(command) })

async function openExternal(url: string): Promise<void> {
  // eslint-disable-next-line electron-security/no-open-external-with-dynamic-url -- checked against the https allow-list on the line itself
  if (isAllowedExternalUrl(url)) await shell.openExternal(url)
}

/** A project folder from the OS opens in the window, through its open action (and its unsaved-changes question). */
function openFromOs(path: string | null): void {
  if (path === null) return
  commands.send({ command: 'project:openPath', path })
  if (omniboard) showWindow()
}
const argvContext = (cwd: string) => ({ defaultApp: process.defaultApp === true, cwd })
openFromOs(projectPathFromArgv(process.argv, argvContext(process.cwd())))
// macOS: a folder dropped on the dock icon or opened from Finder; it can arrive before ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  openFromOs(path)
})

const recovery = createCrashRecovery({
  ask: askAfterWindowTrouble,
  reload: () => mainWindow?.webContents.reload(),
  quit: () => app.quit(),
  send: (command) => commands.send(command),
})

// Written by `npm run build` (scripts/licenses); packages also carry it in resources/licenses.
const licenses = createLicensesWindow(join(import.meta.dirname, '../licenses/third-party-notices.html'))

const menu = createElectronMenu({
  send: (command) => commands.send(command),
  recent: () => omniboard?.recentProjects() ?? [],
  openUrl: (url) => void openExternal(url),
  showLicenses: () => licenses.show(),
  log: (message) => log.warn(message),
})
const jumpList = createElectronJumpList({ recent: () => omniboard?.recentProjects() ?? [], log: (message) => log.warn(message) })

/** The OS glue's view of every reply: progress, recent documents, and the menu and jump list when recent changed. */
function observeReply(channel: string, reply: Result<unknown>): void {
  attention.observeReply(channel, reply)
  if (!changesRecentProjects.has(channel)) return
  menu.refresh()
  jumpList.refresh()
}

const isOwnTopFrame = (contents: Electron.WebContents | null, url: string | undefined) =>
  contents !== null && contents === mainWindow?.webContents && isAllowedSender({ isTopFrame: true, url: url ?? '' })

function hardenSessions(): void {
  // allowOnlyOwnFullscreen (harden.ts) installs the permission request handler; the rule cannot see across files.
  // eslint-disable-next-line electron-security/require-permission-request-handler
  allowOnlyOwnFullscreen(session.defaultSession, (contents, details) => isOwnTopFrame(contents, details.requestingUrl))
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
}

const lifecycle = createLifecycle({
  app,
  platform: process.platform,
  closeProject: async () => omniboard?.prepareToQuit() ?? true,
  shutDown: async () => {
    await omniboard?.dispose()
    await demo?.close()
  },
  hasWindow: () => mainWindow !== null,
  // Before start() has registered the IPC handlers a window could only show errors.
  openWindow: () => void (omniboard && showWindow()),
  log: (message) => log.warn(message),
})

function showWindow(): BrowserWindow {
  if (mainWindow) return (bringToFront(mainWindow), mainWindow)
  const window = openMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    rendererUrl: rendererDevUrl,
    rendererFile,
    lifecycle,
    autoHideMenuBar: process.platform !== 'darwin',
  })
  window.webContents.on('did-start-loading', () => commands.windowGone())
  window.webContents.on('render-process-gone', (_event, { reason }) => {
    commands.windowGone()
    if (reason !== 'clean-exit') void recovery.windowInTrouble('crashed')
  })
  window.on('unresponsive', () => void recovery.windowInTrouble('unresponsive'))
  // A folder dropped on the window: the page lets the drop navigate to it, which is denied here (and in harden.ts).
  window.webContents.on('will-navigate', (event) => {
    event.preventDefault()
    const path = pathOfDroppedFileUrl(event.url)
    if (path !== null) void fs.stat(path).then((stat) => stat.isDirectory() && openFromOs(path), () => undefined)
  })
  window.on('closed', () => {
    mainWindow = null
    commands.windowGone()
  })
  return (mainWindow = window)
}

async function start(): Promise<void> {
  hardenSessions()
  // Ours before any window: Electron's default menu has Reload and Toggle Developer Tools.
  menu.refresh()
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion()))
  demo = demoProfile ? await startDemoServer() : null
  const main = createOmniboardMain({
    userDataDir: app.getPath('userData'),
    documentsDir: documentsDir(),
    store: new Store({ name: 'settings' }),
    cipher: demo ? null : cipher,
    demo: demo ?? undefined,
    appVersion: app.getVersion(),
    platform: process.platform,
    emit,
    log: (message) => log.info(message),
    openExternal,
    trashItem: (filePath) => shell.trashItem(filePath),
    mediaBase: electronMediaBase,
    dialogs: electronDialogs(() => mainWindow),
    pdfPrinter: electronPdfPrinter,
    showItemInFolder: (file) => shell.showItemInFolder(file),
    stayAwake: createStayAwake(powerSaveBlocker),
    onWindowState: (state) => {
      menu.setState(state)
      commands.windowReady()
      recovery.windowStateChanged(state)
    },
  })
  omniboard = main

  protocol.handle(MEDIA_SCHEME, (request) => main.handleMedia(request))

  registerIpcChannels(main, isAllowedSender, () => mainWindow, observeReply)
  jumpList.refresh()

  powerMonitor.on('resume', () => main.setOnline(net.isOnline()))
  setInterval(() => main.setOnline(net.isOnline()), 5000).unref()
  showWindow()
}

if (!app.requestSingleInstanceLock()) app.quit()
else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFromOs(projectPathFromArgv(argv, argvContext(workingDirectory)))
    if (omniboard) showWindow()
  })
  void app.whenReady().then(start)
}
