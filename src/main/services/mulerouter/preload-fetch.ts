let preloaded = false

/**
 * Node loads and compiles its `fetch` (undici) on the first call, a noticeable pause. Called when a project
 * opens, so that cost is paid then, not by the first poll while twenty uploads and the editor share the main
 * process. A `data:` URL goes through fetch without touching the network.
 */
export function preloadFetch(): void {
  if (preloaded) return
  preloaded = true
  setTimeout(() => {
    globalThis
      .fetch('data:,')
      .then((response) => response.arrayBuffer())
      .catch(() => {})
  }, 0).unref()
}
