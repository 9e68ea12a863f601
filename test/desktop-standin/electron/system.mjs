// The OS-facing modules: power save blocker (ids from 0, as Chromium counts them), notifications, native dialogs
// that wait for the test to answer, shell, safeStorage with an OS keyring, net, powerMonitor, nativeTheme, screen.
import { EventEmitter } from 'node:events'
import { promises as fs } from 'node:fs'
import { basename, join } from 'node:path'
import { electronEvent, plain, record } from './recorder.mjs'
import { registry, requireReady } from './registry.mjs'

const blockerTypes = ['prevent-app-suspension', 'prevent-display-sleep']
/** id → type of every blocker started and not yet stopped. */
export const heldBlockers = new Map()
let nextBlockerId = 0

export const powerSaveBlocker = {
  start(type) {
    if (!blockerTypes.includes(type)) throw new TypeError('Error processing argument at index 0, conversion failure from ' + type)
    const id = nextBlockerId++
    record('powerSaveBlocker.start', type, id)
    heldBlockers.set(id, type)
    return id
  },
  stop(id) {
    const stopped = heldBlockers.delete(id)
    record('powerSaveBlocker.stop', id, stopped)
    return stopped
  },
  isStarted: (id) => heldBlockers.has(id),
}

export const shownNotifications = []
export class Notification extends EventEmitter {
  static isSupported() {
    return true
  }
  constructor(options = {}) {
    super()
    requireReady('Cannot create Notification before app is ready')
    this.title = options.title ?? ''
    this.body = options.body ?? ''
    record('new Notification', options)
  }
  toRecord() {
    return { notification: this.title }
  }
  show() {
    record('Notification.show', { title: this.title, body: this.body })
    shownNotifications.push(this)
    this.emit('show', electronEvent())
  }
  close() {
    record('Notification.close', this.title)
  }
}

/** Dialogs on screen, oldest first; each waits until the test answers it, as a user would. */
export const pendingDialogs = []
function ask(kind, windowOrOptions, maybeOptions) {
  requireReady('dialog module can only be used after app is ready')
  const [window, options] = maybeOptions === undefined ? [null, windowOrOptions] : [windowOrOptions, maybeOptions]
  record(`dialog.${kind}`, window, options)
  return new Promise((resolve) => pendingDialogs.push({ kind, window, options, resolve }))
}
export function answerDialog(answer) {
  const dialog = pendingDialogs.shift()
  if (!dialog) throw new Error('No dialog is open')
  record(`dialog.answered`, dialog.kind, answer)
  dialog.resolve(answer)
}
export const describePendingDialogs = () => pendingDialogs.map(({ kind, window, options }) => ({ kind, window: plain(window), options: plain(options) }))

export const dialog = {
  showMessageBox: (windowOrOptions, options) => ask('showMessageBox', windowOrOptions, options),
  showOpenDialog: (windowOrOptions, options) => ask('showOpenDialog', windowOrOptions, options),
  showSaveDialog: (windowOrOptions, options) => ask('showSaveDialog', windowOrOptions, options),
  showErrorBox: (title, content) => void record('dialog.showErrorBox', title, content),
}

export function createShell(home) {
  return {
    openExternal: async (url, options) => void record('shell.openExternal', url, options),
    openPath: async (path) => (record('shell.openPath', path), ''),
    showItemInFolder: (path) => void record('shell.showItemInFolder', path),
    beep: () => void record('shell.beep'),
    /** To a trash folder in the stand-in's home, so a test can still find what was trashed. */
    async trashItem(path) {
      record('shell.trashItem', path)
      const trash = join(home, '.local/share/Trash/files')
      await fs.mkdir(trash, { recursive: true })
      await fs.rename(path, join(trash, `${Date.now()}-${basename(path)}`))
    },
  }
}

const obfuscate = (bytes) => Buffer.from(bytes.map((byte) => byte ^ 0x5a))
export function createSafeStorage({ keyring }) {
  const available = () => registry.ready && keyring
  const refuse = (what) => {
    throw new Error(registry.ready ? `Error while ${what} the text provided to safeStorage. Encryption is not available.` : 'safeStorage cannot be used before app is ready')
  }
  return {
    isEncryptionAvailable: available,
    getSelectedStorageBackend: () => (keyring ? 'gnome_libsecret' : 'basic_text'),
    encryptString(plainText) {
      if (!available()) refuse('encrypting')
      return Buffer.concat([Buffer.from('v11'), obfuscate(Buffer.from(plainText, 'utf8'))])
    },
    decryptString(encrypted) {
      if (!available()) refuse('decrypting')
      if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return obfuscate(encrypted.subarray(3)).toString('utf8')
    },
  }
}

export const connectivity = { online: true }
export const net = {
  isOnline: () => connectivity.online,
  get online() {
    return connectivity.online
  },
  fetch(...args) {
    requireReady('net module can only be used after app is ready')
    return fetch(...args)
  },
}

export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: () => 'active',
  getSystemIdleTime: () => 0,
  isOnBatteryPower: () => false,
  toRecord: () => '[powerMonitor]',
})

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true, themeSource: 'system', toRecord: () => '[nativeTheme]' })

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1050 }, workAreaSize: { width: 1920, height: 1050 }, scaleFactor: 1 }
export const screen = Object.assign(new EventEmitter(), {
  getPrimaryDisplay: () => display,
  getAllDisplays: () => [display],
  getDisplayMatching: () => display,
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
})
