// The stand-in `electron` module for the main process: `import { app } from 'electron'`, `import electron from
// 'electron'` and `require('electron')` all get these objects (see ../register.mjs). It also does what Electron's
// own startup does around the app (lib/browser/init.ts): quit when the last window closes unless the app
// listens for that itself, and set the default menu at will-finish-launching unless the app set one.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { App } from './app.mjs'
import { bindMenuToApp, Menu, MenuItem, setDefaultApplicationMenu } from './menu.mjs'
import { watchMissing } from './recorder.mjs'
import { defaultSession, ipcMain, protocol, session } from './session.mjs'
import { createSafeStorage, createShell, dialog, nativeTheme, net, Notification, powerMonitor, powerSaveBlocker, screen } from './system.mjs'
import { BrowserWindow, webContents } from './windows.mjs'

const env = process.env
const home = env.STANDIN_HOME ?? mkdtempSync(join(os.tmpdir(), 'electron-standin-'))

export const app = watchMissing(
  new App({
    mainScript: env.STANDIN_APP_MAIN ?? process.argv[1],
    home,
    packaged: env.STANDIN_PACKAGED === '1',
    instanceLocked: env.STANDIN_INSTANCE_LOCKED === '1',
  }),
  'app',
)
BrowserWindow.app = app
BrowserWindow.session = defaultSession
bindMenuToApp(app)

app.on('window-all-closed', () => {
  if (app.listenerCount('window-all-closed') === 1) app.quit()
})
app.once('will-finish-launching', setDefaultApplicationMenu)

export const shell = createShell(home)
export const safeStorage = createSafeStorage({ keyring: env.STANDIN_NO_KEYRING !== '1' })
export { BrowserWindow, dialog, ipcMain, Menu, MenuItem, nativeTheme, net, Notification, powerMonitor, powerSaveBlocker, protocol, screen, session, webContents }

// The renderer's modules are not there in Electron's main process either (electron-store probes ipcRenderer).
const rendererOnly = { ipcRenderer: undefined, contextBridge: undefined, webFrame: undefined }
const electron = watchMissing(
  { app, BrowserWindow, dialog, ipcMain, Menu, MenuItem, nativeTheme, net, Notification, powerMonitor, powerSaveBlocker, protocol, safeStorage, screen, session, shell, webContents, ...rendererOnly },
  'electron',
)
export default electron
