import { shortcutTable } from '../../src/shared/shortcut-table'

/** A menu item as the stand-in's Menu built it (Electron's defaults for roles filled in). */
export type BuiltMenuItem = {
  label: string
  role?: string
  type: string
  accelerator?: string
  registerAccelerator: boolean
  enabled: boolean
  checked: boolean
  clickable: boolean
  submenu?: BuiltMenuItem[]
}

export const flatten = (items: readonly BuiltMenuItem[]): BuiltMenuItem[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])

export function itemAt(menu: readonly BuiltMenuItem[], ...labels: string[]): BuiltMenuItem {
  let items = menu
  let found: BuiltMenuItem | undefined
  for (const label of labels) {
    found = items.find((item) => item.label === label)
    if (!found) throw new Error(`No "${label}" among ${items.map((item) => item.label).join(', ')}`)
    items = found.submenu ?? []
  }
  return found!
}

/** "Shift+CommandOrControl+Z" and "Shift+Ctrl/Cmd+Z" name the same keys: modifiers sorted, one spelling each. */
export function keysOf(accelerator: string): string {
  const parts = accelerator.split('+').map((part) => part.trim())
  const key = parts.pop()!.toUpperCase()
  const modifier = (name: string) => ({ commandorcontrol: 'CmdOrCtrl', cmdorctrl: 'CmdOrCtrl', 'ctrl/cmd': 'CmdOrCtrl', option: 'Alt' })[name.toLowerCase()] ?? name
  return [...parts.map(modifier).sort(), key].join('+')
}

/** Every key combination the window handles itself, as the help overlay lists them. */
export const windowKeys = new Set(shortcutTable.flatMap((row) => row.keys.split(', ')).filter((keys) => keys.includes('+')).map(keysOf))

/** The shortcut-table row each menu item's accelerator must come from, by the item's place in the menu. */
export const menuShortcuts: [path: string[], row: string][] = [
  [['File', 'Open…'], 'Open a project'],
  [['Edit', 'Undo'], 'Undo'],
  [['Edit', 'Redo'], 'Redo'],
  [['View', 'Queue Panel'], 'Show / hide the Queue panel'],
  [['Generate', 'Generate'], 'Generate the selected clip, or the selected clips (asks first)'],
]

export function tableKeys(label: string): string {
  const row = shortcutTable.find((candidate) => candidate.label === label)
  if (!row) throw new Error(`No shortcut "${label}"`)
  return keysOf(row.keys.split(', ')[0]!)
}
