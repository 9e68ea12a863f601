import type { WebPreferences } from 'electron'

/** Kept apart from the Electron glue so a test can assert every security-relevant option without Electron. */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // A middle click on a link would otherwise ask for a new window; the window-open handler denies it, this never asks.
  disableBlinkFeatures: 'Auxclick',
  spellcheck: true,
})

export const windowSize = { width: 1440, height: 900, minWidth: 1280, minHeight: 720 } as const
export const windowBackground = '#0e1014'
