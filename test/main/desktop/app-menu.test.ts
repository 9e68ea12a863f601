import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { acceleratorOf, buildAppMenu, readmeUrl, type MenuInput } from '../../../src/main/desktop/app-menu'
import { closedWindowState, type WindowState } from '../../../src/shared/app-commands'
import { shortcutTable } from '../../../src/shared/shortcut-table'

const openState: WindowState = { projectOpen: true, hasClips: true, canUndo: true, canRedo: false, queuePaused: true, selectedClipId: 'clip1' }

function menu(platform: string, overrides: Partial<MenuInput> = {}) {
  const ran: string[] = []
  const template = buildAppMenu({
    platform,
    isPackaged: true,
    state: openState,
    recent: [{ name: 'Harbour', path: '/films/Harbour.omniboard' }],
    actions: {
      command: (command) => void ran.push(command),
      openRecent: (path) => void ran.push(`open ${path}`),
      importShotList: () => void ran.push('import'),
      openUrl: (url) => void ran.push(url),
      showLicenses: () => void ran.push('licences'),
    },
    ...overrides,
  })
  return { template, ran }
}

/** Every item, depth first, with the labels of the menus it sits in. */
function items(template: MenuItemConstructorOptions[], path: string[] = []): { item: MenuItemConstructorOptions; path: string[] }[] {
  return template.flatMap((item) => {
    const name = item.label ?? item.role ?? item.type ?? '?'
    const here = [{ item, path: [...path, name] }]
    return Array.isArray(item.submenu) ? [...here, ...items(item.submenu, [...path, name])] : here
  })
}
// The last match: the Generate item, not the Generate menu that holds it.
const find = (template: MenuItemConstructorOptions[], label: string) => items(template).findLast(({ item }) => (item.label ?? item.role) === label)?.item
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)()
const topLevel = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role)

describe('the application menu', () => {
  it('on macOS starts with the app menu (About, Settings…, Hide, Quit) and keeps Settings out of File', () => {
    const { template } = menu('darwin')
    expect(topLevel(template)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'Generate', 'windowMenu', 'help'])
    const app = (template[0]!.submenu as MenuItemConstructorOptions[]).map((item) => item.label ?? item.role ?? item.type)
    expect(app).toEqual(expect.arrayContaining(['about', 'Settings…', 'hide', 'quit']))
    expect(items([template[1]!]).map(({ item }) => item.label ?? item.role)).not.toContain('Settings…')
    expect(find(template, 'Show in Finder')).toBeDefined()
  })

  it.each(['win32', 'linux'])('on %s has no app menu: Settings and Quit under File, About under Help', (platform) => {
    const { template } = menu(platform)
    expect(topLevel(template)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'Generate', 'windowMenu', 'help'])
    const file = items([template[0]!]).map(({ item }) => item.label ?? item.role)
    expect(file).toEqual(expect.arrayContaining(['New Project…', 'Open…', 'Open Recent', 'Show in Folder', 'Close Project', 'Export Film…', 'Export for Editor…', 'Import Shot List…', 'Settings…', 'quit']))
    expect(items([template.at(-1)!]).map(({ item }) => item.role)).toContain('about')
  })

  it.each(['darwin', 'win32', 'linux'])('on %s has cut, copy, paste and select-all roles, zoom and full screen, and no reload or dev tools when packaged', (platform) => {
    const roles = items(menu(platform).template).map(({ item }) => item.role)
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu']))
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('forceReload')
    expect(roles).not.toContain('toggleDevTools')
    const development = items(menu(platform, { isPackaged: false }).template).map(({ item }) => item.role)
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it.each(['darwin', 'win32', 'linux'])('on %s takes every accelerator of its own items from the shortcut table, shown but left to the window', (platform) => {
    const own = items(menu(platform).template).filter(({ item }) => item.accelerator !== undefined)
    expect(own.map(({ item }) => [item.label, item.accelerator])).toEqual([
      ...(platform === 'darwin' ? [['Settings…', 'CmdOrCtrl+,']] : []),
      ['Open…', 'CmdOrCtrl+O'],
      ...(platform === 'darwin' ? [] : [['Settings…', 'CmdOrCtrl+,']]),
      ['Undo', 'CmdOrCtrl+Z'],
      ['Redo', 'Shift+CmdOrCtrl+Z'],
      ['Queue Panel', 'CmdOrCtrl+Shift+Q'],
      ['Generate', 'CmdOrCtrl+Enter'],
    ])
    const tableAccelerators = shortcutTable.map((row) => acceleratorOf(row.keys))
    for (const { item } of own) {
      expect(tableAccelerators).toContain(item.accelerator)
      expect(item.registerAccelerator, item.label).toBe(false)
    }
    expect(find(menu(platform).template, 'selectAll')!.registerAccelerator).toBe(false)
  })

  it('enables items with the window state', () => {
    const closed = menu('linux', { state: closedWindowState, recent: [] }).template
    for (const label of ['Show in Folder', 'Close Project', 'Export Film…', 'Export for Editor…', 'Import Shot List…', 'Undo', 'Redo', 'Generate', 'Generate All', 'Generate What Changed', 'Pause Queue', 'Open Recent']) {
      expect(find(closed, label)?.enabled, label).toBe(false)
    }
    for (const label of ['New Project…', 'Open…', 'Settings…']) expect(find(closed, label)?.enabled, label).not.toBe(false)
    const opened = menu('linux').template
    expect(find(opened, 'Undo')!.enabled).toBe(true)
    expect(find(opened, 'Redo')!.enabled).toBe(false)
    expect(find(opened, 'Pause Queue')).toMatchObject({ type: 'checkbox', checked: true, enabled: true })
  })

  it('routes each item to its action', () => {
    const { template, ran } = menu('darwin')
    for (const label of ['New Project…', 'Open…', 'Harbour', 'Undo', 'Generate What Changed', 'Pause Queue', 'Import Shot List…', 'Read Me', 'Keyboard Shortcuts', 'Third-Party Licences']) click(find(template, label))
    expect(ran).toEqual(['project:new', 'project:open', 'open /films/Harbour.omniboard', 'history:undo', 'generate:changed', 'queue:togglePaused', 'import', readmeUrl, 'help:shortcuts', 'licences'])
  })

  it.each(['darwin', 'win32', 'linux'])('on %s lists the third-party licences under Help, beside About where Help has it', (platform) => {
    const help = items([menu(platform).template.at(-1)!]).map(({ item }) => item.label ?? item.role)
    expect(help).toContain('Third-Party Licences')
    if (platform !== 'darwin') expect(help.indexOf('about')).toBe(help.indexOf('Third-Party Licences') + 1)
  })
})
