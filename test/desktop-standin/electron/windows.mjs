// BrowserWindow as the main process sees it; closing follows Electron: 'close' (preventable) → 'closed' → the
// app hears when the last window went.
import { EventEmitter } from 'node:events'
import { WebContents } from './contents.mjs'
import { electronEvent, record, watchMissing } from './recorder.mjs'
import { registry, requireReady } from './registry.mjs'

let nextWindowId = 1

export class BrowserWindow extends EventEmitter {
  _destroyed = false
  _closing = false
  _shownOnce = false
  static app = null
  static session = null

  constructor(options = {}) {
    super()
    requireReady('Cannot create BrowserWindow before app is ready')
    this.id = nextWindowId++
    this.options = options
    this.visible = options.show !== false
    this.focused = this.visible
    this.minimized = false
    this.fullScreen = false
    this.title = options.title ?? BrowserWindow.app.name
    record('new BrowserWindow', this.id, options)
    const self = watchMissing(this, 'BrowserWindow')
    this.webContents = new WebContents(self, BrowserWindow.app, BrowserWindow.session)
    registry.windows.push(self)
    BrowserWindow.app.emit('web-contents-created', electronEvent(), this.webContents)
    BrowserWindow.app.emit('browser-window-created', electronEvent(), self)
    return self
  }
  toRecord() {
    return { window: this.id }
  }

  static getAllWindows() {
    return [...registry.windows]
  }
  static getFocusedWindow() {
    return registry.windows.find((window) => window.focused) ?? null
  }
  static fromWebContents(contents) {
    return registry.windows.find((window) => window.webContents === contents) ?? null
  }
  static fromId(id) {
    return registry.windows.find((window) => window.id === id) ?? null
  }

  loadFile(filePath, options) {
    return this.webContents.loadFile(filePath, options)
  }
  loadURL(url, options) {
    return this.webContents.loadURL(url, options)
  }
  reload() {
    this.webContents.reload()
  }
  /** The first load that finished paints the page: Electron's 'ready-to-show'. */
  pageLoaded() {
    if (this._shownOnce) return
    this._shownOnce = true
    this.emit('ready-to-show', electronEvent())
  }

  show() {
    record('BrowserWindow.show', this.id)
    this.visible = true
    this.minimized = false
    this._setFocus(true)
  }
  hide() {
    record('BrowserWindow.hide', this.id)
    this.visible = false
    this._setFocus(false)
  }
  focus() {
    record('BrowserWindow.focus', this.id)
    if (!this.minimized) this._setFocus(true)
  }
  blur() {
    this._setFocus(false)
  }
  minimize() {
    record('BrowserWindow.minimize', this.id)
    this.minimized = true
    this._setFocus(false)
    this.emit('minimize', electronEvent())
  }
  restore() {
    record('BrowserWindow.restore', this.id)
    this.minimized = false
    this.visible = true
    this.emit('restore', electronEvent())
  }
  isFocused() {
    return this.focused
  }
  isVisible() {
    return this.visible
  }
  isMinimized() {
    return this.minimized
  }
  isFullScreen() {
    return this.fullScreen
  }
  setFullScreen(flag) {
    record('BrowserWindow.setFullScreen', this.id, flag)
    this.fullScreen = flag
  }
  setProgressBar(progress, options) {
    record('BrowserWindow.setProgressBar', this.id, progress, options)
  }
  flashFrame(flag) {
    record('BrowserWindow.flashFrame', this.id, flag)
  }
  setTitle(title) {
    this.title = title
  }
  getTitle() {
    return this.title
  }
  setMenu(menu) {
    record('BrowserWindow.setMenu', this.id, menu)
  }
  setMenuBarVisibility(visible) {
    record('BrowserWindow.setMenuBarVisibility', this.id, visible)
  }
  setAutoHideMenuBar(hide) {
    record('BrowserWindow.setAutoHideMenuBar', this.id, hide)
  }
  isDestroyed() {
    return this._destroyed
  }

  /** As the close button does: 'close' after the page's beforeunload (a later turn); preventable. */
  close() {
    record('BrowserWindow.close', this.id)
    if (this._destroyed || this._closing) return
    this._closing = true
    setImmediate(() => {
      this._closing = false
      if (this._destroyed) return
      const event = electronEvent()
      this.emit('close', event)
      if (event.defaultPrevented) BrowserWindow.app.windowCloseCancelled()
      else this._closeNow()
    })
  }
  /** No 'close' event, but 'closed' is guaranteed. */
  destroy() {
    record('BrowserWindow.destroy', this.id)
    this._closeNow()
  }

  _closeNow() {
    if (this._destroyed) return
    this._destroyed = true
    this._setFocus(false)
    this.webContents.destroy()
    registry.windows.splice(registry.windows.indexOf(registry.windows.find((window) => window.id === this.id)), 1)
    this.emit('closed', electronEvent())
    if (registry.windows.length === 0) BrowserWindow.app.allWindowsClosed()
  }

  _setFocus(focused) {
    if (focused === this.focused) return
    this.focused = focused
    this.emit(focused ? 'focus' : 'blur', electronEvent())
  }
}

export const webContents = {
  getAllWebContents: () => registry.contents.filter((contents) => !contents.isDestroyed()),
  getFocusedWebContents: () => BrowserWindow.getFocusedWindow()?.webContents ?? null,
  fromId: (id) => registry.contents.find((contents) => contents.id === id),
}
