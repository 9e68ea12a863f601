import { request } from 'node:http'

/**
 * POSTs bytes that are already encoded, written in `chunkBytes` pieces with the backpressure the client honours:
 * the time this takes is what moving the body through the loopback socket costs with nothing left to encode.
 */
export function sendEncoded(url: string, body: Buffer, chunkBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.byteLength } }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    let offset = 0
    const writeMore = () => {
      while (offset < body.byteLength) {
        const piece = body.subarray(offset, offset + chunkBytes)
        offset += piece.byteLength
        if (!req.write(piece)) return void req.once('drain', writeMore)
      }
      req.end()
    }
    writeMore()
  })
}
