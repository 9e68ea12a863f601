// WebContents as the main process sees it. There is no page: loading a URL emits the events Electron emits (a
// missing file fails the load, as Chromium's file loader does), and the test plays the page by invoking the IPC
// handlers itself.
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { electronEvent, record, watchMissing } from './recorder.mjs'
import { registry } from './registry.mjs'

let nextContentsId = 1

/** The top frame of a page: what `event.senderFrame` is for an IPC call from it. */
class WebFrameMain {
  constructor(contents) {
    this.contents = contents
    this.url = ''
    this.isDestroyed = () => contents.isDestroyed()
    this.routingId = contents.id
    this.processId = contents.id + 100
    this.frameTreeNodeId = contents.id * 1000
    this.parent = null
    this.top = this
  }
  toRecord() {
    return { frameOf: this.contents.id, url: this.url }
  }
}

export class WebContents extends EventEmitter {
  _destroyed = false
  _crashed = false
  _loading = false
  constructor(owner, app, session) {
    super()
    this.id = nextContentsId++
    this.owner = owner
    this.app = app
    this.session = session
    this.mainFrame = new WebFrameMain(this)
    this.windowOpenHandler = null
    registry.contents.push(this)
    return watchMissing(this, 'webContents')
  }
  toRecord() {
    return { webContents: this.id }
  }
  getURL() {
    return this.mainFrame.url
  }
  isDestroyed() {
    return this._destroyed
  }
  isCrashed() {
    return this._crashed
  }
  isLoading() {
    return this._loading
  }
  isLoadingMainFrame() {
    return this._loading
  }
  send(channel, ...args) {
    record('webContents.send', this.id, channel, ...args)
    if (this._destroyed) throw new Error('Object has been destroyed')
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler', this.id)
    this.windowOpenHandler = handler
  }
  loadFile(filePath, options) {
    record('webContents.loadFile', this.id, filePath, options)
    return this._navigate(pathToFileURL(resolve(filePath)).href)
  }
  loadURL(url, options) {
    record('webContents.loadURL', this.id, url, options)
    return this._navigate(url)
  }
  reload() {
    record('webContents.reload', this.id)
    void this._navigate(this.mainFrame.url).catch(() => undefined)
  }
  reloadIgnoringCache() {
    this.reload()
  }
  focus() {
    record('webContents.focus', this.id)
  }
  openDevTools() {
    record('webContents.openDevTools', this.id)
  }
  toggleDevTools() {
    record('webContents.toggleDevTools', this.id)
  }
  /** The test's renderer crash: the page is gone until the next load. */
  crash(details) {
    this._crashed = true
    this.emit('render-process-gone', electronEvent(), details)
  }
  destroy() {
    if (this._destroyed) return
    this._destroyed = true
    this.emit('destroyed', electronEvent())
  }

  /** A navigation Chromium runs: events on later turns of the loop, as they arrive from the renderer. */
  _navigate(url) {
    return new Promise((resolvePromise, reject) => {
      const step = (fn) => setImmediate(() => !this._destroyed && fn())
      step(() => {
        this._loading = true
        this._crashed = false
        this.emit('did-start-loading', electronEvent())
        step(() => {
          if (url.startsWith('file:') && !existsSync(fileURLToPath(url))) {
            this._loading = false
            this.emit('did-fail-load', electronEvent(), -6, 'ERR_FILE_NOT_FOUND', url, true)
            this.emit('did-stop-loading', electronEvent())
            return reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`))
          }
          this.mainFrame.url = url
          this.emit('did-navigate', electronEvent(), url, 200, 'OK')
          this.emit('dom-ready', electronEvent())
          this._loading = false
          this.emit('did-finish-load', electronEvent())
          this.emit('did-stop-loading', electronEvent())
          this.owner?.pageLoaded()
          resolvePromise()
        })
      })
    })
  }
}

