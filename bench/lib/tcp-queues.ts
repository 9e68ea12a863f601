import { readFileSync } from 'node:fs'

export type QueueSample = { at: number; clientUnsentBytes: number; serverUnreadBytes: number }

/**
 * Samples, from Linux's /proc/net/tcp, the bytes the kernel holds for a loopback connection to `port`: queued in
 * the sending socket (written by the app, not yet taken by the peer) and received but not yet read by the server.
 * What an app cannot see from its write callbacks; null off Linux.
 */
export function sampleTcpQueues(port: number, everyMs: number): { stop(): QueueSample[] } | null {
  let table: string
  try {
    table = readFileSync('/proc/net/tcp', 'latin1')
  } catch {
    return null
  }
  if (table.length === 0) return null
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const samples: QueueSample[] = []
  const sample = () => {
    let clientUnsentBytes = 0
    let serverUnreadBytes = 0
    for (const line of readFileSync('/proc/net/tcp', 'latin1').split('\n').slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue …, addresses as HEXIP:HEXPORT
      const [, local, remote, state, queues] = line.trim().split(/\s+/)
      if (!local || !remote || !queues || state !== '01') continue
      const [tx, rx] = queues.split(':').map((hex) => Number.parseInt(hex, 16))
      if (remote.endsWith(`:${hexPort}`)) clientUnsentBytes += tx ?? 0
      if (local.endsWith(`:${hexPort}`)) serverUnreadBytes += rx ?? 0
    }
    samples.push({ at: performance.now(), clientUnsentBytes, serverUnreadBytes })
  }
  const timer = setInterval(sample, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return samples
    },
  }
}
