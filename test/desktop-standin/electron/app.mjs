// Electron's `app` as the browser process drives it (shell/browser/browser.cc): ready only when the test says so,
// the quit sequence before-quit → close every window → will-quit → quit, window-all-closed when the last window
// goes outside a quit, and the paths Chromium would give a user profile, under a throwaway home folder.
import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, isAbsolute, join } from 'node:path'
import { electronEvent, record, records } from './recorder.mjs'
import { registry } from './registry.mjs'

const realExit = process.exit.bind(process)

function appPackageDir(mainScript) {
  for (let dir = dirname(mainScript); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
  }
  throw new Error(`No package.json above ${mainScript}`)
}

export class App extends EventEmitter {
  _quitting = false
  _exiting = false
  _shutDown = false
  _exitCode = 0
  _readyPromise
  _resolveReady = () => {}
  _paths = new Map()
  _badge = 0

  constructor({ mainScript, home, packaged, instanceLocked }) {
    super()
    this.home = home
    this.appPath = appPackageDir(mainScript)
    const manifest = JSON.parse(readFileSync(join(this.appPath, 'package.json'), 'utf8'))
    this.name = String(manifest.productName ?? manifest.name).trim()
    this.version = manifest.version
    this.isPackaged = packaged
    this.instanceLocked = instanceLocked
    this._readyPromise = new Promise((resolve) => (this._resolveReady = resolve))
    const appData = join(home, '.config')
    for (const [name, path] of Object.entries({
      home,
      appData,
      userData: join(appData, this.name),
      sessionData: join(appData, this.name),
      temp: os.tmpdir(),
      exe: process.execPath,
      module: process.execPath,
      desktop: join(home, 'Desktop'),
      documents: join(home, 'Documents'),
      downloads: join(home, 'Downloads'),
      music: join(home, 'Music'),
      pictures: join(home, 'Pictures'),
      videos: join(home, 'Videos'),
      crashDumps: join(appData, this.name, 'Crashpad'),
    })) this._paths.set(name, path)
  }

  toRecord() {
    return '[app]'
  }

  getName() {
    return this.name
  }
  setName(name) {
    this.name = name
  }
  getVersion() {
    return this.version
  }
  getAppPath() {
    return this.appPath
  }
  getLocale() {
    return 'en-US'
  }
  getSystemLocale() {
    return 'en-US'
  }
  getPath(name) {
    if (name === 'logs') return this._paths.get('logs') ?? join(this.getPath('userData'), 'logs')
    const path = this._paths.get(name)
    if (path === undefined) throw new Error(`Failed to get '${name}' path`)
    return path
  }
  setPath(name, path) {
    record('app.setPath', name, path)
    if (!isAbsolute(path)) throw new Error('Path must be absolute')
    this._paths.set(name, path)
  }

  isReady() {
    return registry.ready
  }
  whenReady() {
    return this._readyPromise
  }
  /** The test's "Chromium has started": will-finish-launching (Electron's default menu), then ready. */
  becomeReady() {
    record('app:ready')
    this.emit('will-finish-launching', electronEvent())
    mkdirSync(this.getPath('userData'), { recursive: true })
    registry.ready = true
    this.emit('ready', electronEvent(), {})
    this._resolveReady()
  }

  requestSingleInstanceLock(additionalData) {
    record('app.requestSingleInstanceLock', additionalData)
    return !this.instanceLocked
  }
  hasSingleInstanceLock() {
    return !this.instanceLocked
  }
  releaseSingleInstanceLock() {
    record('app.releaseSingleInstanceLock')
  }

  setBadgeCount(count) {
    record('app.setBadgeCount', count)
    this._badge = count ?? 0
    return true
  }
  getBadgeCount() {
    return this._badge
  }
  addRecentDocument(path) {
    record('app.addRecentDocument', path)
  }
  clearRecentDocuments() {
    record('app.clearRecentDocuments')
  }
  /** Windows only in Electron; the stand-in answers on every platform it plays, and nothing was removed by a user. */
  setJumpList(categories) {
    record('app.setJumpList', categories)
    return 'ok'
  }
  getJumpListSettings() {
    return { minItems: 10, removedItems: [] }
  }
  setAboutPanelOptions(options) {
    record('app.setAboutPanelOptions', options)
  }
  showAboutPanel() {
    record('app.showAboutPanel')
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id)
  }
  focus(options) {
    record('app.focus', options)
  }
  relaunch(options) {
    record('app.relaunch', options)
  }

  /** Browser::Quit */
  quit() {
    record('app.quit')
    if (this._quitting) return
    const event = electronEvent()
    this.emit('before-quit', event)
    this._quitting = !event.defaultPrevented
    if (!this._quitting) return
    if (registry.windows.length === 0) this._notifyAndShutdown()
    else for (const window of [...registry.windows]) window.close()
  }

  /** Browser::ExitWithCode: windows destroyed without asking, no before-quit or will-quit. */
  exit(code = 0) {
    record('app.exit', code)
    this._exitCode = code
    this._quitting = true
    this._exiting = true
    if (registry.windows.length === 0) this._shutdown()
    else for (const window of [...registry.windows]) window.destroy()
  }

  /** A window's close was prevented: a quit under way is cancelled (Browser::OnWindowCloseCancelled). */
  windowCloseCancelled() {
    if (this._quitting) this._quitting = false
  }

  /** The last window closed (Browser::OnWindowAllClosed). */
  allWindowsClosed() {
    if (this._exiting) this._shutdown()
    else if (this._quitting) this._notifyAndShutdown()
    else this.emit('window-all-closed', electronEvent())
  }

  _notifyAndShutdown() {
    if (this._shutDown) return
    const event = electronEvent()
    this.emit('will-quit', event)
    if (event.defaultPrevented) {
      this._quitting = false
      return
    }
    this._shutdown()
  }

  _shutdown() {
    if (this._shutDown) return
    this._shutDown = true
    this.emit('quit', electronEvent(), this._exitCode)
    record('app:exit', this._exitCode)
    // The test can no longer ask once the process is gone: what happened up to the exit stays in the home folder.
    writeFileSync(join(this.home, 'electron-records.json'), JSON.stringify(records))
    // The message loop ends after this turn; pending I/O callbacks of the app never run, as in Electron.
    setImmediate(() => realExit(this._exitCode))
  }
}
