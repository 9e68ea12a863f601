import { basename } from 'node:path'
import { app, dialog, Menu } from 'electron'
import { closedWindowState, type AppCommand, type WindowState } from '../shared/app-commands'
import { buildAppMenu } from './desktop/app-menu'
import { readChosenFile } from './services/disk/read-chosen-file'

/** A shot list of thousands of clips is a few megabytes; the contract refuses more than this anyway. */
const MAX_SHOT_LIST_BYTES = 16 * 1024 * 1024

export type MenuGlueDeps = {
  send(command: AppCommand): void
  recent(): readonly { name: string; path: string }[]
  openUrl(url: string): void
  showLicenses(): void
  log(message: string): void
}

/** Sets the application menu from the one template, and builds it again whenever the window's state changes. */
export function createElectronMenu(deps: MenuGlueDeps) {
  let state: WindowState = closedWindowState

  async function importShotList(): Promise<void> {
    const chosen = await dialog.showOpenDialog({ title: 'Import a shot list', properties: ['openFile'], filters: [{ name: 'Shot list', extensions: ['csv'] }] })
    const file = chosen.canceled ? undefined : chosen.filePaths[0]
    if (!file) return
    const read = await readChosenFile(file, MAX_SHOT_LIST_BYTES)
    if (read === null || read.bytes.byteLength > MAX_SHOT_LIST_BYTES) return deps.log(`Shot list ${file} refused: not a plain file of at most 16 MB`)
    deps.send({ command: 'shotList:import', name: basename(file), text: read.bytes.toString('utf8') })
  }

  function refresh(): void {
    const template = buildAppMenu({
      platform: process.platform,
      isPackaged: app.isPackaged,
      state,
      recent: deps.recent(),
      actions: {
        command: (command) => deps.send({ command }),
        openRecent: (path) => deps.send({ command: 'project:openPath', path }),
        importShotList: () => void importShotList().catch((error: unknown) => deps.log(`Shot list import failed: ${String(error)}`)),
        openUrl: deps.openUrl,
        showLicenses: deps.showLicenses,
      },
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  return {
    refresh,
    setState(next: WindowState): void {
      state = next
      refresh()
    },
  }
}
