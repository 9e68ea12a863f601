import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { Dialogs } from './dialogs'
import type { WindowTrouble } from './desktop/crash-recovery'

/** The main process's questions as native Electron dialogs, attached to the window when there is one. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  const showMessageBox = (options: Electron.MessageBoxOptions) => {
    const parent = window()
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)
  }
  return {
    chooseProjectFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory'], title: 'Open an Omniboard project' })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    chooseImages: async () => {
      const result = await dialog.showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg'] }],
      })
      return result.canceled ? [] : result.filePaths
    },
    chooseAudio: async () => {
      const result = await dialog.showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Sound', extensions: ['wav', 'mp3', 'aac', 'm4a', 'flac', 'ogg', 'oga'] }],
      })
      return result.canceled ? [] : result.filePaths
    },
    askUnsavedChanges: async ({ projectName, reason }) => {
      const choices = ['save', 'discard', 'cancel'] as const
      const { response } = await showMessageBox({
        type: 'warning',
        buttons: ['Save', 'Discard changes', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        message: `The latest changes to “${projectName}” are not saved.`,
        detail: `${reason}\n\nSave tries again (after a change on disk it keeps the other version as a dated copy). Discard closes without them (takes are still written where the disk allows).`,
      })
      return choices[response] ?? 'cancel'
    },
    askQueueOnClose: async ({ projectName, queued, running }) => {
      const { response } = await showMessageBox({
        type: 'question',
        buttons: ['Close', 'Keep open'],
        defaultId: 1,
        cancelId: 1,
        message: `“${projectName}” has ${queued} queued and ${running} running takes.`,
        detail: 'Close keeps them in the project: the queue resumes when you open it again, and what MuleRouter is already rendering is fetched then.',
      })
      return response === 0 ? 'close' : 'cancel'
    },
    confirmKeyOrigin: async ({ keyOrigin, targetOrigin }) => {
      const { response } = await showMessageBox({
        type: 'question',
        buttons: [`Send the key to ${targetOrigin}`, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `Send your API key to ${targetOrigin}?`,
        detail: `The key was entered for ${keyOrigin}. Only send it to a server you trust with it; saying yes binds the key to ${targetOrigin}.`,
      })
      return response === 0
    },
    chooseSavePath: async ({ title, defaultName, filters }) => {
      const options = { title, defaultPath: join(app.getPath('downloads'), defaultName), filters }
      const parent = window()
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || result.filePath === '' ? null : result.filePath
    },
  }
}

/** After the window's page crashed or hung: the project and the queue live in the main process and are safe. */
export async function askAfterWindowTrouble(trouble: WindowTrouble): Promise<'reload' | 'wait' | 'quit'> {
  const choices = trouble === 'crashed' ? (['reload', 'quit'] as const) : (['reload', 'wait'] as const)
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: trouble === 'crashed' ? ['Reload', 'Quit'] : ['Reload', 'Keep waiting'],
    defaultId: 0,
    cancelId: 1,
    message: trouble === 'crashed' ? 'The Omniboard window stopped working.' : 'The Omniboard window is not responding.',
    detail: 'Your project and its queue are kept: Reload shows them again where you were. Takes keep generating meanwhile.',
  })
  return choices[response] ?? choices[1]
}
