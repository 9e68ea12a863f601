/**
 * Page-side IPC meter, run right after `pageProbeScript` in the same init script (whose `window.__omniboardBench` it fills): counts calls and
 * reply bytes per channel on the harness's binding (media:thumbnail bytes). Plain JavaScript for the same reason.
 */
export const ipcMeterScript = String.raw`(() => {
  const probe = window.__omniboardBench
  const meter = () => {
    const original = window.__omniboardInvoke
    if (typeof original !== 'function' || original.__metered) return typeof original === 'function'
    const metered = async (channel, payload) => {
      const sentAt = performance.now()
      const reply = await original(channel, payload)
      probe.ipc.calls[channel] = (probe.ipc.calls[channel] || 0) + 1
      probe.ipc.log.push({ channel, sentAt, repliedAt: performance.now() })
      const bytes = reply && reply.ok && reply.value && reply.value.bytes
      if (bytes && typeof bytes.byteLength === 'number') {
        probe.ipc.bytes[channel] = (probe.ipc.bytes[channel] || 0) + bytes.byteLength
      }
      return reply
    }
    metered.__metered = true
    try {
      window.__omniboardInvoke = metered
    } catch {
      return false
    }
    return window.__omniboardInvoke === metered
  }
  probe.ipcMetered = meter()
  if (!probe.ipcMetered) document.addEventListener('DOMContentLoaded', () => { probe.ipcMetered = meter() })
})()`
