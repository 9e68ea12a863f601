import { BrowserWindow } from 'electron'
import { bringToFront } from './desktop/window-focus'
import { windowBackground } from './window-options'

/**
 * The third-party licence page that `npm run build` writes into out/licenses, in a window of its own: a static
 * page with no script and no preload, so it can do nothing but be read. One window, brought back when asked again.
 */
export function createLicensesWindow(page: string) {
  let window: BrowserWindow | null = null
  return {
    show(): void {
      if (window) return bringToFront(window)
      const opened = new BrowserWindow({
        width: 900,
        height: 720,
        show: false,
        title: 'Omniboard — Third-Party Licences',
        backgroundColor: windowBackground,
        autoHideMenuBar: true,
        // Written out here (not shared) so Electronegativity can read every option, as for the PDF printer's window.
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, webviewTag: false, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
      })
      opened.once('ready-to-show', () => opened.show())
      opened.on('closed', () => (window = null))
      void opened.loadFile(page)
      window = opened
    },
  }
}
