// The default session (permission handlers, preload scripts), the protocol module with Electron's rules on when
// each call may happen, and ipcMain with its one-handler-per-channel rule.
import { EventEmitter } from 'node:events'
import { record } from './recorder.mjs'
import { registry } from './registry.mjs'

/** Schemes declared privileged before ready, as given; and the handlers registered with protocol.handle. */
export const privilegedSchemes = []
export const protocolHandlers = new Map()
export const permissionHandlers = { request: null, check: null }

const sessionProtocol = {
  handle(scheme, handler) {
    record('protocol.handle', scheme)
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    protocolHandlers.set(scheme, handler)
  },
  unhandle(scheme) {
    record('protocol.unhandle', scheme)
    if (!protocolHandlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`)
  },
  isProtocolHandled: (scheme) => protocolHandlers.has(scheme),
}

const preloadScripts = []
export const defaultSession = {
  protocol: sessionProtocol,
  toRecord: () => '[defaultSession]',
  setPermissionRequestHandler(handler) {
    record('session.setPermissionRequestHandler', handler)
    permissionHandlers.request = handler
  },
  setPermissionCheckHandler(handler) {
    record('session.setPermissionCheckHandler', handler)
    permissionHandlers.check = handler
  },
  registerPreloadScript(script) {
    record('session.registerPreloadScript', script)
    preloadScripts.push(script)
    return script.id ?? String(preloadScripts.length)
  },
  getPreloadScripts: () => [...preloadScripts],
  setPreloads(paths) {
    record('session.setPreloads', paths)
  },
  getPreloads: () => [],
}

export const session = {
  get defaultSession() {
    if (!registry.ready) throw new TypeError('Session can only be received when app is ready')
    return defaultSession
  },
  fromPartition(partition) {
    if (!registry.ready) throw new TypeError('Session can only be received when app is ready')
    record('session.fromPartition', partition)
    return defaultSession
  },
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes)
    if (registry.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    privilegedSchemes.push(...schemes)
  },
  handle: (...args) => session.defaultSession.protocol.handle(...args),
  unhandle: (...args) => session.defaultSession.protocol.unhandle(...args),
  isProtocolHandled: (...args) => session.defaultSession.protocol.isProtocolHandled(...args),
}

class IpcMain extends EventEmitter {
  handlers = new Map()
  toRecord() {
    return '[ipcMain]'
  }
  handle(channel, listener) {
    record('ipcMain.handle', channel)
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    if (typeof listener !== 'function') throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`)
    this.handlers.set(channel, listener)
  }
  handleOnce(channel, listener) {
    this.handle(channel, (...args) => {
      this.removeHandler(channel)
      return listener(...args)
    })
  }
  removeHandler(channel) {
    record('ipcMain.removeHandler', channel)
    this.handlers.delete(channel)
  }
}
export const ipcMain = new IpcMain()
