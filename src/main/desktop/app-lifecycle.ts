/** The few Electron `app` calls the lifecycle needs; the stand-in and unit tests provide their own. */
export type LifecycleApp = {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  on(event: 'window-all-closed' | 'activate', listener: () => void): unknown
  quit(): void
}

export type LifecycleDeps = {
  app: LifecycleApp
  platform: string
  /** Closes the open project, asking about unsaved changes and the queue; false when the user chose to stay. */
  closeProject(): Promise<boolean>
  /** Lets go of everything once the quit is certain (the project, the demo server). */
  shutDown(): Promise<void>
  hasWindow(): boolean
  openWindow(): void
  log(message: string): void
}

export type Lifecycle = {
  /** Whether the window may close now without asking (the quit is under way). */
  windowMayClose(): boolean
  /**
   * The user closed the window: on macOS the project closes and the app stays in the dock (`activate` reopens a
   * window); elsewhere closing the one window is quitting. Resolves true when the window may be destroyed.
   */
  windowClosing(): Promise<boolean>
}

/**
 * The quit path stands on its own: any quit (Cmd+Q, the menu, SIGTERM, the last window on Windows and Linux) first
 * closes the project with its questions, then shuts down and quits again. It never relies on `window-all-closed`,
 * so macOS can keep the app running without windows.
 */
export function createLifecycle(deps: LifecycleDeps): Lifecycle {
  let shutDown = false
  let quitting = false

  deps.app.on('before-quit', (event) => {
    if (shutDown) return
    event.preventDefault()
    if (quitting) return
    quitting = true
    void deps
      .closeProject()
      .then(async (canQuit) => {
        if (!canQuit) return
        await deps.shutDown()
        shutDown = true
        deps.app.quit()
      })
      .catch((error: unknown) => deps.log(`Quit failed: ${String(error)}`))
      .finally(() => (quitting = false))
  })
  deps.app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') deps.app.quit()
  })
  deps.app.on('activate', () => {
    if (!deps.hasWindow()) deps.openWindow()
  })

  return {
    windowMayClose: () => shutDown,
    async windowClosing() {
      if (deps.platform !== 'darwin') {
        deps.app.quit()
        return false
      }
      return deps.closeProject()
    },
  }
}
