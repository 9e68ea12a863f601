/**
 * Runs the real, built preload bundle inside the page with an `electron` module whose ipcRenderer travels over
 * Playwright's `exposeBinding` instead of Electron IPC. Only the transport differs from the packaged app.
 */
export function preloadInPage(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const electron = {
    contextBridge: {
      exposeInMainWorld(name, api) {
        Object.defineProperty(window, name, { value: api, writable: false, configurable: false });
      },
    },
    ipcRenderer: {
      invoke: (channel, payload) => window.__omniboardInvoke(channel, payload),
      on(event, listener) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(listener);
      },
      removeListener(event, listener) {
        listeners.get(event)?.delete(listener);
      },
    },
  };
  // Writable, so a benchmark probe can wrap it to time each call.
  Object.defineProperty(window, '__omniboardInvoke', {
    value: (channel, payload) => window.__omniboardInvokeJson(channel, payload).then((text) => JSON.parse(text)),
    writable: true,
  });
  Object.defineProperty(window, '__omniboardEmit', {
    value: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener({}, payload);
    },
  });
  const module = { exports: {} };
  const require = (id) => {
    if (id === 'electron') return electron;
    throw new Error('A sandboxed preload can only require electron, not ' + id);
  };
  (function (module, exports, require) {
${preloadSource}
  })(module, module.exports, require);
})();`
}
