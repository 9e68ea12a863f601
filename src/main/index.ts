import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron'
import Store from 'electron-store'
import log from 'electron-log/main'
import { channelNames, type EventName, type EventPayload } from '../shared/ipc/contract'
import { createOmniboardMain } from './omniboard-main'
import { createDemoProfile, startDemoServer, wantsDemo } from './demo-mode'
import { appOriginPolicy } from './ipc/router'
import { isAllowedExternalUrl } from './external-links'
import { denyAllPermissions, hardenWebContents } from './harden'
import { secureWebPreferences, windowBackground, windowSize } from './window-options'
import type { KeyCipher } from './services/secrets/api-key-store'
import { electronMediaBase, MEDIA_SCHEME } from '../shared/media-paths'
import { electronPdfPrinter } from './electron-pdf-printer'

// Thin Electron glue: everything that can run without Electron lives in omniboard-main.ts and its services.

const rendererDevUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const allowedOrigins = rendererDevUrl ? [rendererDevUrl] : [pathToFileURL(rendererFile).href]

const cipher: KeyCipher = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  isStrong: () => process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text',
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
}

let mainWindow: BrowserWindow | null = null

// Media reaches the page over our own scheme, streamed from disk with byte ranges (must be declared before ready).
protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } }])

// Lets the E2E suite (Playwright's _electron) run against throwaway folders instead of the user's own.
const userDataOverride = process.env['OMNIBOARD_USER_DATA_DIR']
if (userDataOverride) app.setPath('userData', userDataOverride)
// The demo's own profile replaces userData before anything reads it: the user's settings and key stay untouched.
const demoProfile = wantsDemo(process.argv, process.env) ? createDemoProfile(tmpdir()) : null
if (demoProfile) app.setPath('userData', demoProfile.userDataDir)
const documentsDir = () => demoProfile?.documentsDir ?? process.env['OMNIBOARD_DOCUMENTS_DIR'] ?? app.getPath('documents')

function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(event, payload)
}

const showMessageBox = (options: Electron.MessageBoxOptions) =>
  mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)

function hardenSessions(): void {
  // denyAllPermissions (harden.ts) installs a deny-all setPermissionRequestHandler; the rule cannot see across files.
  // eslint-disable-next-line electron-security/require-permission-request-handler
  denyAllPermissions(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
}

async function start(): Promise<void> {
  hardenSessions()
  const demo = demoProfile ? await startDemoServer() : null
  const omniboard = createOmniboardMain({
    userDataDir: app.getPath('userData'),
    documentsDir: documentsDir(),
    store: new Store({ name: 'settings' }),
    cipher: demo ? null : cipher,
    demo: demo ?? undefined,
    appVersion: app.getVersion(),
    platform: process.platform,
    emit,
    log: (message) => log.info(message),
    openExternal: async (url) => {
      // eslint-disable-next-line electron-security/no-open-external-with-dynamic-url -- checked against the https allow-list on the line itself
      if (isAllowedExternalUrl(url)) await shell.openExternal(url)
    },
    trashItem: (filePath) => shell.trashItem(filePath),
    mediaBase: electronMediaBase,
    dialogs: {
      chooseProjectFolder: async () => {
        const result = await dialog.showOpenDialog({ properties: ['openDirectory'], title: 'Open an Omniboard project' })
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      chooseImages: async () => {
        const result = await dialog.showOpenDialog({
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg'] }],
        })
        return result.canceled ? [] : result.filePaths
      },
      askUnsavedChanges: async ({ projectName, reason }) => {
        const choices = ['save', 'discard', 'cancel'] as const
        const { response } = await showMessageBox({
          type: 'warning',
          buttons: ['Save', 'Discard changes', 'Cancel'],
          defaultId: 0,
          cancelId: 2,
          message: `The latest changes to “${projectName}” are not saved.`,
          detail: `${reason}\n\nSave tries again (after a change on disk it keeps the other version as a dated copy). Discard closes without them (takes are still written where the disk allows).`,
        })
        return choices[response] ?? 'cancel'
      },
      askQueueOnClose: async ({ projectName, queued, running }) => {
        const { response } = await showMessageBox({
          type: 'question',
          buttons: ['Close', 'Keep open'],
          defaultId: 1,
          cancelId: 1,
          message: `“${projectName}” has ${queued} queued and ${running} running takes.`,
          detail: 'Close keeps them in the project: the queue resumes when you open it again, and what MuleRouter is already rendering is fetched then.',
        })
        return response === 0 ? 'close' : 'cancel'
      },
      confirmKeyOrigin: async ({ keyOrigin, targetOrigin }) => {
        const { response } = await showMessageBox({
          type: 'question',
          buttons: [`Send the key to ${targetOrigin}`, 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          message: `Send your API key to ${targetOrigin}?`,
          detail: `The key was entered for ${keyOrigin}. Only send it to a server you trust with it; saying yes binds the key to ${targetOrigin}.`,
        })
        return response === 0
      },
      chooseSavePath: async ({ title, defaultName, filters }) => {
        const options = { title, defaultPath: join(app.getPath('downloads'), defaultName), filters }
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
        return result.canceled || result.filePath === '' ? null : result.filePath
      },
    },
    pdfPrinter: electronPdfPrinter,
    showItemInFolder: (file) => shell.showItemInFolder(file),
  })

  protocol.handle(MEDIA_SCHEME, (request) => omniboard.handleMedia(request))

  const isAllowed = appOriginPolicy(allowedOrigins)
  for (const name of channelNames) {
    // The sender is validated inside router.dispatch (top frame of our window, our own URL) before any handler runs.
    // eslint-disable-next-line electron-security/require-ipc-sender-validation
    ipcMain.handle(name, (event, payload: unknown) => {
      const frame = event.senderFrame
      const isTopFrame = frame !== null && mainWindow !== null && frame === mainWindow.webContents.mainFrame
      return omniboard.router(isAllowed).dispatch(name, payload, { isTopFrame, url: frame?.url ?? '' })
    })
  }

  powerMonitor.on('resume', () => omniboard.setOnline(net.isOnline()))
  setInterval(() => omniboard.setOnline(net.isOnline()), 5000).unref()

  mainWindow = new BrowserWindow({
    ...windowSize,
    show: false,
    backgroundColor: windowBackground,
    title: 'Omniboard',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  // Closing the window is quitting: it goes through the same unsaved-changes question before the window is gone.
  mainWindow.on('close', (event) => {
    if (omniboard.isDisposed()) return
    event.preventDefault()
    app.quit()
  })
  if (rendererDevUrl) await mainWindow.loadURL(rendererDevUrl)
  else await mainWindow.loadFile(rendererFile)

  let quitting = false
  app.on('before-quit', (event) => {
    if (omniboard.isDisposed()) return
    event.preventDefault()
    if (quitting) return
    quitting = true
    void omniboard
      .prepareToQuit()
      .then(async (canQuit) => {
        if (!canQuit) return
        await omniboard.dispose()
        await demo?.close()
        app.quit()
      })
      .finally(() => (quitting = false))
  })
}

if (!app.requestSingleInstanceLock()) app.quit()
else {
  app.on('second-instance', () => mainWindow?.focus())
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(start)
}
