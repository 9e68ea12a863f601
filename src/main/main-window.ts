import { BrowserWindow } from 'electron'
import type { Lifecycle } from './desktop/app-lifecycle'
import { secureWebPreferences, windowBackground, windowSize } from './window-options'

export type MainWindowOptions = {
  preloadPath: string
  /** The dev server's URL (development), else the built renderer's file. */
  rendererUrl: string | undefined
  rendererFile: string
  lifecycle: Lifecycle
  /** Windows and Linux: the native menu bar shows with Alt, the in-window File menu stays. */
  autoHideMenuBar: boolean
}

/** The one editor window. Closing it goes through the lifecycle: the project's questions first, then the window. */
export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...windowSize,
    show: false,
    backgroundColor: windowBackground,
    title: 'Omniboard',
    autoHideMenuBar: options.autoHideMenuBar,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  window.on('close', (event) => {
    if (options.lifecycle.windowMayClose()) return
    event.preventDefault()
    void options.lifecycle.windowClosing().then((close) => {
      if (close && !window.isDestroyed()) window.destroy()
    })
  })
  void (options.rendererUrl ? window.loadURL(options.rendererUrl) : window.loadFile(options.rendererFile))
  return window
}
