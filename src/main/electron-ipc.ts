import { ipcMain, type BrowserWindow } from 'electron'
import { channelNames } from '../shared/ipc/contract'
import type { Result } from '../shared/result'
import type { SenderPolicy } from './ipc/router'
import type { OmniboardMain } from './omniboard-main'

/** One ipcMain handler per contract channel, each through the router; `onReply` sees every reply (for the OS glue). */
export function registerIpcChannels(main: OmniboardMain, isAllowedSender: SenderPolicy, window: () => BrowserWindow | null, onReply: (channel: string, reply: Result<unknown>) => void): void {
  for (const name of channelNames) {
    // The sender is validated inside router.dispatch (top frame of our window, our own URL) before any handler runs.
    // eslint-disable-next-line electron-security/require-ipc-sender-validation
    ipcMain.handle(name, async (event, payload: unknown) => {
      const frame = event.senderFrame
      const own = window()
      const isTopFrame = frame !== null && own !== null && frame === own.webContents.mainFrame
      const reply = await main.router(isAllowedSender).dispatch(name, payload, { isTopFrame, url: frame?.url ?? '' })
      onReply(name, reply)
      return reply
    })
  }
}
