// State the stand-in's modules share, as Electron's browser process holds it: readiness and the open windows.

export const registry = {
  ready: false,
  /** BrowserWindows not yet closed, oldest first. */
  windows: [],
  /** Every WebContents ever created, for webContents.getAllWebContents(). */
  contents: [],
}

/** Electron refuses these calls before `ready` with these very messages. */
export function requireReady(message) {
  if (!registry.ready) throw new Error(message)
}
