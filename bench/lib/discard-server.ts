import { Worker } from 'node:worker_threads'

export type DiscardServer = {
  url: string
  /** The wall-clock time (performance.timeOrigin + now, in ms) of the last body byte of the latest request, and its size. */
  last(): Promise<{ lastByteAt: number; bytes: number }>
  close(): Promise<void>
}

/**
 * A loopback server on its own thread, as MuleRouter is on its own machine: it reads every body to the end,
 * keeps none of it and answers like MuleRouter, so the submitting thread pays only for sending.
 */
const serverSource = `
const { parentPort } = require('node:worker_threads')
const { createServer } = require('node:http')
const server = createServer((req, res) => {
  let bytes = 0
  req.on('data', (chunk) => (bytes += chunk.byteLength))
  req.on('end', () => {
    parentPort.postMessage({ kind: 'body', lastByteAt: performance.timeOrigin + performance.now(), bytes })
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ task_info: { id: 'bench-task', status: 'pending' } }))
  })
})
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ kind: 'listening', port: server.address().port }))
`

export async function startDiscardServer(): Promise<DiscardServer> {
  const worker = new Worker(serverSource, { eval: true })
  let latest = { lastByteAt: 0, bytes: 0 }
  let waiting: (() => void) | null = null
  const port = await new Promise<number>((resolve) => {
    worker.on('message', (message: { kind: 'listening'; port: number } | { kind: 'body'; lastByteAt: number; bytes: number }) => {
      if (message.kind === 'listening') return resolve(message.port)
      latest = { lastByteAt: message.lastByteAt, bytes: message.bytes }
      waiting?.()
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    // The answer can reach the client before the worker's message reaches this thread.
    last: () =>
      new Promise((resolve) => {
        if (latest.bytes > 0) {
          resolve(latest)
          latest = { lastByteAt: 0, bytes: 0 }
          return
        }
        waiting = () => {
          waiting = null
          resolve(latest)
          latest = { lastByteAt: 0, bytes: 0 }
        }
      }),
    close: async () => {
      await worker.terminate()
    },
  }
}
