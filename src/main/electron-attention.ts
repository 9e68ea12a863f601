import { app, Notification, shell, type BrowserWindow } from 'electron'
import type { AppCommand } from '../shared/app-commands'
import type { Result } from '../shared/result'
import { createAttention } from './desktop/attention'

export type AttentionGlueDeps = {
  window(): BrowserWindow | null
  showWindow(): void
  send(command: AppCommand): void
}

/** Channels whose reply is a project just opened: it joins the OS's recent documents (the jump list: electron-jump-list.ts). */
const opensProject = new Set(['project:open', 'project:create', 'project:openSample', 'app:firstStart'])

/** Progress bar, dock badge, notifications and recent documents, fed by the events and replies going to the window. */
export function createElectronAttention(deps: AttentionGlueDeps) {
  const attention = createAttention({
    setProgress: (value) => deps.window()?.setProgressBar(value),
    // The dock badge is a macOS convention; Linux launchers that read it show a count nobody asked for.
    setBadge: (count) => void (process.platform === 'darwin' && app.setBadgeCount(count)),
    notify: ({ title, body, onClick }) => {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      notification.on('click', onClick)
      notification.show()
    },
    isWindowFocused: () => deps.window()?.isFocused() ?? false,
    showClip: (clipId) => {
      deps.showWindow()
      deps.send({ command: 'clip:select', clipId })
    },
    showFile: (path) => shell.showItemInFolder(path),
    showWindow: deps.showWindow,
  })
  return {
    observeEvent: attention.observe,
    observeReply(channel: string, reply: Result<unknown>): void {
      if (channel === 'film:export') attention.exportEnded(reply.ok ? (reply.value as { path: string }) : { errorCode: reply.error.code })
      else if (reply.ok && opensProject.has(channel) && reply.value !== null) app.addRecentDocument((reply.value as { path: string }).path)
    },
  }
}
