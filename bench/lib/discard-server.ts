import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type DiscardServer = {
  url: string
  /** performance.now() of the last body byte of the latest request, and its size. */
  last(): { lastByteAt: number; bytes: number }
  close(): Promise<void>
}

/** A loopback server that reads every body to the end, keeps none of it, and answers like MuleRouter. */
export async function startDiscardServer(): Promise<DiscardServer> {
  let latest = { lastByteAt: 0, bytes: 0 }
  const server = createServer((req, res) => {
    let bytes = 0
    req.on('data', (chunk: Buffer) => (bytes += chunk.byteLength))
    req.on('end', () => {
      latest = { lastByteAt: performance.now(), bytes }
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ task_info: { id: 'bench-task', status: 'pending' } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    last: () => latest,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
