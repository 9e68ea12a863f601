import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridge } from '../shared/ipc/bridge'

/** Sandboxed preload: exposes only the contract's functions; no ipcRenderer, event objects or Node values leak. */
contextBridge.exposeInMainWorld(
  'omniboard',
  createBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(event, forward)
      return () => ipcRenderer.removeListener(event, forward)
    },
  }),
)
