import type { AppCommand, WindowState } from '../../shared/app-commands'

export type WindowTrouble = 'crashed' | 'unresponsive'

export type RecoveryDeps = {
  /** Asks what to do (a native dialog): reload the window, keep waiting (a hang may pass) or quit. */
  ask(trouble: WindowTrouble): Promise<'reload' | 'wait' | 'quit'>
  reload(): void
  quit(): void
  send(command: AppCommand): void
}

/**
 * The main process owns the project and the queue, so a crashed or hung window loses nothing but its page: it
 * offers a reload, and the reloaded window shows the same project (it asks main for it) and, once that is on
 * screen, the clip that was selected.
 */
export function createCrashRecovery(deps: RecoveryDeps) {
  let selectedClipId: string | null = null
  let restoreClipId: string | null = null
  let asking = false

  return {
    windowStateChanged(state: WindowState): void {
      if (restoreClipId !== null) {
        if (!state.projectOpen) return
        deps.send({ command: 'clip:select', clipId: restoreClipId })
        restoreClipId = null
        return
      }
      selectedClipId = state.selectedClipId
    },
    async windowInTrouble(trouble: WindowTrouble): Promise<void> {
      if (asking) return
      asking = true
      try {
        const choice = await deps.ask(trouble)
        if (choice === 'quit') return deps.quit()
        if (choice === 'wait') return
        restoreClipId = selectedClipId
        deps.reload()
      } finally {
        asking = false
      }
    },
  }
}
