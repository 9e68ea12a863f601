import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, WindowState } from '../../shared/app-commands'
import { shortcutTable } from '../../shared/shortcut-table'
import { licensesMenuLabel } from './about'

export const readmeUrl = 'https://github.com/omniboard/omniboard#readme'
export const reportProblemUrl = 'https://github.com/omniboard/omniboard/issues/new'
const RECENT_SHOWN = 10

export type MenuActions = {
  command(command: MenuCommand): void
  openRecent(path: string): void
  importShotList(): void
  openUrl(url: string): void
  /** The third-party licence page (every bundled component, FFmpeg's GPL and where its source is offered). */
  showLicenses(): void
}

export type MenuInput = {
  platform: string
  /** Reload and developer tools only in development: a packaged build has neither. */
  isPackaged: boolean
  state: WindowState
  recent: readonly { name: string; path: string }[]
  actions: MenuActions
}

/** "Ctrl/Cmd+Shift+Q" in the shortcut table → "CmdOrCtrl+Shift+Q"; the first of several alternatives. */
export function acceleratorOf(keys: string): string {
  return keys.split(', ')[0]!.replace('Ctrl/Cmd', 'CmdOrCtrl')
}

/**
 * The accelerator of a shortcut-table row. The window handles these keys itself (also in the browser build), so
 * on Windows and Linux the menu only shows them (`registerAccelerator: false`); on macOS the menu sees a key only
 * when the page did not handle it. Either way one press runs the action once.
 */
function shortcut(label: string): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> {
  const row = shortcutTable.find((candidate) => candidate.label === label)
  if (!row) throw new Error(`No shortcut "${label}" in the shortcut table`)
  return { accelerator: acceleratorOf(row.keys), registerAccelerator: false }
}

/** The application menu, from one template for every platform; items follow the window's state. */
export function buildAppMenu(input: MenuInput): MenuItemConstructorOptions[] {
  const { state, actions } = input
  const mac = input.platform === 'darwin'
  const open = state.projectOpen
  const item = (label: string, command: MenuCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    label,
    click: () => actions.command(command),
    ...extra,
  })
  const settings = item('Settings…', 'settings:open', shortcut('Settings'))
  const recent: MenuItemConstructorOptions[] = input.recent.slice(0, RECENT_SHOWN).map((project) => ({
    label: project.name,
    sublabel: project.path,
    click: () => actions.openRecent(project.path),
  }))

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [{ role: 'about' }, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  }
  const file: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: [
      item('New Project…', 'project:new'),
      item('Open…', 'project:open', shortcut('Open a project')),
      { label: 'Open Recent', enabled: recent.length > 0, submenu: recent.length > 0 ? recent : [{ label: 'No recent projects', enabled: false }] },
      { type: 'separator' },
      item(mac ? 'Show in Finder' : 'Show in Folder', 'project:reveal', { enabled: open }),
      item('Close Project', 'project:close', { enabled: open }),
      { type: 'separator' },
      item('Export Film…', 'film:export', { enabled: state.hasClips }),
      item('Export for Editor…', 'handoff:export', { enabled: open }),
      { label: 'Import Shot List…', enabled: open, click: () => actions.importShotList() },
      ...(mac ? [] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }
  const edit: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      // The project's history, not the text field's: the window's Ctrl/Cmd+Z does the same.
      item('Undo', 'history:undo', { ...shortcut('Undo'), enabled: state.canUndo }),
      item('Redo', 'history:redo', { ...shortcut('Redo'), enabled: state.canRedo }),
      { type: 'separator' },
      // Roles, so text fields cut, copy and paste on macOS (where only the menu provides these keys).
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      // Ctrl/Cmd+A selects every clip unless typing (the window decides), so the menu must not take the key first.
      { role: 'selectAll', registerAccelerator: false },
    ],
  }
  const view: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [
      item('Queue Panel', 'queue:togglePanel', { ...shortcut('Show / hide the Queue panel'), enabled: open }),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(input.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  }
  const generate: MenuItemConstructorOptions = {
    label: 'Generate',
    submenu: [
      item('Generate', 'generate:selection', { ...shortcut('Generate the selected clip, or the selected clips (asks first)'), enabled: state.selectedClipId !== null }),
      item('Generate All', 'generate:all', { enabled: state.hasClips }),
      item('Generate What Changed', 'generate:changed', { enabled: state.hasClips }),
      { type: 'separator' },
      item('Pause Queue', 'queue:togglePaused', { type: 'checkbox', checked: state.queuePaused, enabled: open }),
    ],
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      // "?" alone is no accelerator: a menu would take it from a text field on macOS.
      item('Keyboard Shortcuts', 'help:shortcuts'),
      { label: 'Read Me', click: () => actions.openUrl(readmeUrl) },
      { label: 'Report a Problem…', click: () => actions.openUrl(reportProblemUrl) },
      { type: 'separator' },
      { label: licensesMenuLabel, click: () => actions.showLicenses() },
      ...(mac ? [] : [{ role: 'about' } as const]),
    ],
  }
  return [...(mac ? [appMenu] : []), file, edit, view, generate, { role: 'windowMenu' }, help]
}
