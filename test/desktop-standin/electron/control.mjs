// The test's side of the stand-in: over the child process's IPC channel the test makes Electron ready, plays the
// user and the OS (open-file, a second instance, a crash, a click on a menu item or a notification, a dialog's
// answer) and plays the page (an IPC invoke from the window's top frame, a request for a media URL).
import { app } from './index.mjs'
import { findMenuItem, Menu } from './menu.mjs'
import { electronEvent, plain, record, records } from './recorder.mjs'
import { registry } from './registry.mjs'
import { ipcMain, permissionHandlers, privilegedSchemes, protocolHandlers } from './session.mjs'
import { answerDialog, connectivity, describePendingDialogs, heldBlockers, shownNotifications } from './system.mjs'

function windowById(id) {
  const window = id === undefined ? registry.windows[0] : registry.windows.find((candidate) => candidate.id === id)
  if (!window) throw new Error(`No open window ${id ?? ''}`)
  return window
}

const ops = {
  ready: () => app.becomeReady(),
  records: (afterSeq = 0) => records.filter((entry) => entry.seq > afterSeq),
  windows: () => registry.windows.map(({ id, visible, focused, minimized, webContents }) => ({ id, visible, focused, minimized, url: webContents.getURL() })),
  applicationMenu: () => Menu.getApplicationMenu()?.toRecord() ?? null,
  privilegedSchemes: () => plain(privilegedSchemes),
  heldBlockers: () => [...heldBlockers.entries()],
  pendingDialogs: describePendingDialogs,
  answerDialog,
  setOnline: (online) => void (connectivity.online = online),

  /** An OS event on `app` (open-file, second-instance, activate…): whether the app called preventDefault. */
  emitApp(name, ...args) {
    const event = electronEvent()
    app.emit(name, event, ...args)
    return { defaultPrevented: event.defaultPrevented }
  },
  emitWindow(windowId, name, ...args) {
    const event = electronEvent()
    windowById(windowId).emit(name, event, ...args)
    return { defaultPrevented: event.defaultPrevented }
  },
  /** A page event with Electron's event fields (will-navigate's url…), then its positional arguments. */
  emitContents(windowId, name, fields, ...args) {
    const event = electronEvent(fields)
    windowById(windowId).webContents.emit(name, event, ...args)
    return { defaultPrevented: event.defaultPrevented }
  },
  crashPage: (windowId, details) => windowById(windowId).webContents.crash(details),
  minimize: (windowId) => windowById(windowId).minimize(),
  blur: (windowId) => windowById(windowId).blur(),
  /** The user clicks the window's close button. */
  closeWindow: (windowId) => windowById(windowId).close(),
  quit: () => app.quit(),

  clickMenu: (labels) => void findMenuItem(labels).click(),
  clickNotification(index) {
    const notification = shownNotifications.at(index)
    if (!notification) throw new Error(`No notification ${index}`)
    notification.emit('click', electronEvent())
  },

  /** The page calls `ipcRenderer.invoke`: from the window's top frame, or from a sub-frame at another URL. */
  async invoke(channel, payload, { windowId, subFrameUrl } = {}) {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const contents = windowById(windowId).webContents
    const top = contents.mainFrame
    const frame = subFrameUrl ? { url: subFrameUrl, parent: top, top, routingId: top.routingId + 1, processId: top.processId } : top
    const event = { sender: contents, senderFrame: frame, frameId: frame.routingId, processId: frame.processId, type: 'frame' }
    // Both directions cross the process boundary by structured clone, as Electron's IPC does.
    return structuredClone(await handler(event, structuredClone(payload)))
  },

  /** The page requests a URL of a scheme the app handles (an <img>, a <video>'s range request). */
  async fetchProtocol(url, init = {}) {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = protocolHandlers.get(scheme)
    if (!handler) return { error: 'net::ERR_UNKNOWN_URL_SCHEME' }
    const response = await handler(new Request(url, init))
    return { status: response.status, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) }
  },

  /** The page asks for a new window (window.open, a target=_blank link): what the app's handler decides. */
  windowOpen(windowId, url) {
    const handler = windowById(windowId).webContents.windowOpenHandler
    if (!handler) return { action: 'allow' }
    return plain(handler({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'default' } }))
  },

  /** A permission request from the window's top frame (or a sub-frame): what the app's handler grants. */
  askPermission(windowId, permission, { isMainFrame = true, requestingUrl } = {}) {
    const contents = windowById(windowId).webContents
    const details = { isMainFrame, requestingUrl: requestingUrl ?? contents.getURL() }
    const check = permissionHandlers.check ? permissionHandlers.check(contents, permission, new URL(details.requestingUrl).origin, details) : true
    return new Promise((resolve) => {
      if (!permissionHandlers.request) return resolve({ granted: true, check })
      permissionHandlers.request(contents, permission, (granted) => resolve({ granted, check }), details)
    })
  },
}

if (process.send) {
  process.on('message', async ({ id, op, args }) => {
    try {
      if (!Object.hasOwn(ops, op)) throw new Error(`Unknown stand-in operation ${op}`)
      const value = await ops[op](...args)
      process.send({ id, ok: true, value: value === undefined ? null : value })
    } catch (error) {
      process.send({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
  // The test went away: so does its Electron.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))
}

/** The app's main module has run: the test may now make Electron ready (by hand, it becomes ready at once). */
export function appCodeLoaded() {
  record('app:code-loaded')
  if (process.send) process.send({ loaded: true })
  else app.becomeReady()
}
