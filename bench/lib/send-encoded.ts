import { request } from 'node:http'

/**
 * POSTs bytes that are already encoded, written as the client writes them (`pieceBytes` at a time, as writes of
 * `writeBytes` back to back, then a wait for `drain` when the socket pushed back): the time this takes is what
 * moving the body through the loopback socket costs with nothing left to encode.
 */
export function sendEncoded(url: string, body: Buffer, pieceBytes: number, writeBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.byteLength } }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    let offset = 0
    const writeMore = () => {
      while (offset < body.byteLength) {
        const end = Math.min(offset + pieceBytes, body.byteLength)
        let flushed = true
        for (let start = offset; start < end; start += writeBytes) flushed = req.write(body.subarray(start, Math.min(start + writeBytes, end)))
        offset = end
        if (!flushed) return void req.once('drain', writeMore)
      }
      req.end()
    }
    writeMore()
  })
}
