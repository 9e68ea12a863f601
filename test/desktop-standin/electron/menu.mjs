// Menu and MenuItem as lib/browser/api/menu.ts, menu-item.ts and menu-item-roles.ts build them: the template's
// validation, each role's default label, accelerator, submenu and whether it registers its accelerator, the
// click that runs a role's own method before the item's click, and Electron's default application menu.
import { BrowserWindow } from './windows.mjs'
import { record } from './recorder.mjs'

// Electron's roles follow the platform it runs on: the one the stand-in plays (register.mjs).
const platform = process.env.STANDIN_PLATFORM ?? process.platform
const isMac = platform === 'darwin'
const isWindows = platform === 'win32'
let app = null
let nextCommandId = 0
let applicationMenu = null
let applicationMenuWasSet = false

export function bindMenuToApp(theApp) {
  app = theApp
}

const webContentsRole = (label, accelerator, extra = {}) => ({ label, accelerator, webContents: true, ...extra })

/** menu-item-roles.ts: what each role brings (labels needing the app name are filled in when used). */
const roles = {
  about: { label: () => (platform === 'linux' ? 'About' : `About ${app.name}`), app: isMac ? null : () => app.showAboutPanel() },
  close: { label: isMac ? 'Close Window' : 'Close', accelerator: 'CommandOrControl+W', window: (w) => w.close() },
  copy: webContentsRole('Copy', 'CommandOrControl+C', { registerAccelerator: false }),
  cut: webContentsRole('Cut', 'CommandOrControl+X', { registerAccelerator: false }),
  delete: webContentsRole('Delete'),
  forcereload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R', nonNative: true, window: (w) => w.reload() },
  front: { label: 'Bring All to Front' },
  help: { label: 'Help' },
  hide: { label: () => `Hide ${app.name}`, accelerator: 'Command+H' },
  hideothers: { label: 'Hide Others', accelerator: 'Command+Alt+H' },
  minimize: { label: 'Minimize', accelerator: 'CommandOrControl+M', window: (w) => w.minimize() },
  paste: webContentsRole('Paste', 'CommandOrControl+V', { registerAccelerator: false }),
  pasteandmatchstyle: webContentsRole('Paste and Match Style', isMac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V', { registerAccelerator: false }),
  quit: { label: () => (isMac ? `Quit ${app.name}` : isWindows ? 'Exit' : 'Quit'), accelerator: isWindows ? undefined : 'CommandOrControl+Q', app: () => app.quit() },
  redo: webContentsRole('Redo', isWindows ? 'Control+Y' : 'Shift+CommandOrControl+Z'),
  reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R', nonNative: true, window: (w) => w.reload() },
  resetzoom: webContentsRole('Actual Size', 'CommandOrControl+0', { nonNative: true }),
  selectall: webContentsRole('Select All', 'CommandOrControl+A'),
  services: { label: 'Services' },
  recentdocuments: { label: 'Open Recent' },
  clearrecentdocuments: { label: 'Clear Menu' },
  toggledevtools: webContentsRole('Toggle Developer Tools', isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I', { nonNative: true }),
  togglefullscreen: { label: 'Toggle Full Screen', accelerator: isMac ? 'Control+Command+F' : 'F11', window: (w) => w.setFullScreen(!w.isFullScreen()) },
  undo: webContentsRole('Undo', 'CommandOrControl+Z'),
  unhide: { label: 'Show All' },
  window: { label: 'Window' },
  zoom: { label: 'Zoom' },
  zoomin: webContentsRole('Zoom In', 'CommandOrControl+Plus', { nonNative: true }),
  zoomout: webContentsRole('Zoom Out', 'CommandOrControl+-', { nonNative: true }),
  appmenu: { label: () => app.name, submenu: () => [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
  filemenu: { label: 'File', submenu: () => [isMac ? { role: 'close' } : { role: 'quit' }] },
  editmenu: {
    label: 'Edit',
    submenu: () => [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(isMac ? [{ role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }] : [{ role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }])],
  },
  viewmenu: {
    label: 'View',
    submenu: () => [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  },
  windowmenu: { label: 'Window', submenu: () => [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [{ type: 'separator' }, { role: 'front' }] : [{ role: 'close' }])] },
}

const roleOf = (role) => (role && Object.hasOwn(roles, role) ? roles[role] : null)
const labelOf = (role) => {
  const label = roleOf(role)?.label
  return typeof label === 'function' ? label() : (label ?? '')
}
const itemTypes = ['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette']

export class MenuItem {
  constructor(options) {
    // Electron keeps the user's extra fields, but not over its own (the item's click is the menu's).
    for (const key in options) if (!(key in this)) this[key] = options[key]
    if (typeof this.role === 'string') this.role = this.role.toLowerCase()
    const role = roleOf(this.role)
    this.submenu ??= role?.submenu?.()
    if (this.submenu != null && !(this.submenu instanceof Menu)) this.submenu = Menu.buildFromTemplate(this.submenu)
    if (this.type == null && this.submenu != null) this.type = 'submenu'
    if (this.type === 'submenu' && !(this.submenu instanceof Menu)) throw new Error('Invalid submenu')
    this.type ??= 'normal'
    this.accelerator ??= role?.accelerator
    this.label ??= labelOf(this.role)
    this.sublabel ??= ''
    this.enabled ??= true
    this.visible ??= true
    this.checked ??= false
    this.registerAccelerator ??= role?.registerAccelerator ?? true
    if (!itemTypes.includes(this.type)) throw new Error(`Unknown menu item type: ${this.type}`)
    this.commandId = ++nextCommandId
    this.userClick = options.click
  }

  /** The menu's click: a role Electron can run itself takes precedence over the item's click. */
  click(event = {}, focusedWindow = BrowserWindow.getFocusedWindow(), focusedContents = focusedWindow?.webContents ?? null) {
    record('menu:click', this.label)
    if (this.type === 'checkbox' || this.type === 'radio') this.checked = !this.checked
    const role = roleOf(this.role)
    const executable = role && (!isMac || role.nonNative)
    if (executable && role.app) return role.app()
    if (executable && role.window && focusedWindow) return role.window(focusedWindow)
    if (executable && role.webContents && focusedContents) return record(`webContents.${this.role}`, focusedContents.id)
    if (typeof this.userClick === 'function') this.userClick(this, focusedWindow, event)
  }

  toRecord() {
    const { label, role, type, accelerator, registerAccelerator, enabled, visible, checked, sublabel, id } = this
    return { label, role, type, accelerator, registerAccelerator, enabled, visible, checked, sublabel, id, clickable: typeof this.userClick === 'function', submenu: this.submenu?.toRecord() }
  }
}

const validItems = (template) =>
  template.every((item) => item != null && typeof item === 'object' && (Object.hasOwn(item, 'label') || Object.hasOwn(item, 'role') || item.type === 'separator'))

function removeExtraSeparators(items) {
  const folded = items.filter((item, index, all) => item.visible === false || item.type !== 'separator' || index === 0 || all[index - 1].type !== 'separator')
  return folded.filter((item, index, all) => item.visible === false || item.type !== 'separator' || (index !== 0 && index !== all.length - 1))
}

export class Menu {
  constructor() {
    this.items = []
  }
  append(item) {
    if (!(item instanceof MenuItem)) throw new TypeError('Invalid item')
    this.items.push(item)
  }
  getMenuItemById(id) {
    for (const item of this.items) {
      const found = item.id === id ? item : item.submenu?.getMenuItemById(id)
      if (found) return found
    }
    return null
  }
  toRecord() {
    return this.items.map((item) => item.toRecord())
  }

  static buildFromTemplate(template) {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array')
    if (!validItems(template)) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type')
    if (template.some((item) => item.before || item.after || item.beforeGroupContaining || item.afterGroupContaining)) {
      throw new Error('stand-in: menu item positioning (before/after) is not emulated')
    }
    const menu = new Menu()
    for (const item of removeExtraSeparators(template)) menu.append(item instanceof MenuItem ? item : new MenuItem(item))
    return menu
  }

  static setApplicationMenu(menu) {
    if (menu && !(menu instanceof Menu)) throw new TypeError('Invalid menu')
    record('Menu.setApplicationMenu', menu)
    applicationMenu = menu
    applicationMenuWasSet = true
    if (!isMac) for (const window of BrowserWindow.getAllWindows()) window.setMenu(menu)
  }

  static getApplicationMenu() {
    return applicationMenu
  }
}

/** default-menu.ts: set at will-finish-launching unless the app set its own first. */
export function setDefaultApplicationMenu() {
  if (applicationMenuWasSet) return
  const help = { role: 'help', submenu: app.isPackaged ? [] : [{ label: 'Learn More', click: () => undefined }, { label: 'Documentation', click: () => undefined }] }
  const template = [...(isMac ? [{ role: 'appMenu' }] : []), { role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }, help]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  record('stand-in:defaultMenu')
}

/** The item a user reaches through these labels in the application menu, e.g. ['File', 'Open…']. */
export function findMenuItem(labels) {
  let items = applicationMenu?.items ?? []
  let found = null
  for (const label of labels) {
    found = items.find((item) => item.label === label) ?? null
    if (!found) throw new Error(`No menu item "${label}" in [${items.map((item) => item.label).join(', ')}]`)
    items = found.submenu?.items ?? []
  }
  return found
}
