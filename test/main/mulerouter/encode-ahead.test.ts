import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodedAhead, type BodyPiece } from '../../../src/main/services/mulerouter/encode-ahead'

/** Raw pieces as a file reader hands them out: one buffer, overwritten for every chunk. */
function reusedChunks(bytes: Buffer, chunkBytes: number, seen: { pulled: number; closed: boolean }): AsyncGenerator<BodyPiece> {
  return (async function* () {
    const chunk = Buffer.alloc(chunkBytes)
    try {
      for (let start = 0; start < bytes.byteLength; start += chunkBytes) {
        const length = bytes.copy(chunk, 0, start, start + chunkBytes)
        seen.pulled++
        yield { raw: chunk.subarray(0, length) }
      }
    } finally {
      seen.closed = true
    }
  })()
}

const text = (pieces: (Buffer | string)[]): string => pieces.map((piece) => (typeof piece === 'string' ? piece : piece.toString('latin1'))).join('')

describe('a body encoded ahead of the socket', () => {
  it('gives the exact base64 of the bytes, in order, though the reader reuses its buffer for every chunk', async () => {
    const bytes = randomBytes(30 * 3 * 1024 + 2)
    const seen = { pulled: 0, closed: false }
    async function* body(): AsyncGenerator<BodyPiece> {
      yield { ready: Buffer.from('{"first_frame":"') }
      yield* reusedChunks(bytes, 3 * 1024, seen)
      yield { ready: '"}' }
    }
    const pieces: (Buffer | string)[] = []
    // A piece's memory is reused once the next is asked for, as a socket write would have finished with it.
    for await (const piece of encodedAhead(body(), 4)) pieces.push(typeof piece === 'string' ? piece : Buffer.from(piece))
    expect(text(pieces)).toBe(`{"first_frame":"${bytes.toString('base64')}"}`)
  })

  it('reads and encodes a bounded number of pieces while the one before is still being written', async () => {
    const seen = { pulled: 0, closed: false }
    const pieces = encodedAhead(reusedChunks(randomBytes(20 * 300), 300, seen), 3)
    await pieces.next()
    // The caller holds the first piece (a slow socket): the next three are read meanwhile, and no more.
    await expect.poll(() => seen.pulled, { timeout: 2_000 }).toBe(4)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.pulled).toBe(4)
    await pieces.return(undefined)
  })

  it('closes the file being read when the body stops part-way (a cancelled upload)', async () => {
    const seen = { pulled: 0, closed: false }
    for await (const piece of encodedAhead(reusedChunks(randomBytes(20 * 300), 300, seen), 3)) {
      expect(piece.length).toBe(400)
      break
    }
    expect(seen.closed).toBe(true)
    expect(seen.pulled).toBeLessThan(20)
  })

  it('ends with the read error, before pieces read after it, when an image fails part-way', async () => {
    const refused = new Error('the image changed')
    async function* body(): AsyncGenerator<BodyPiece> {
      yield { raw: randomBytes(300) }
      yield { raw: randomBytes(300) }
      throw refused
    }
    const pieces: (Buffer | string)[] = []
    const done = (async () => {
      for await (const piece of encodedAhead(body(), 4)) pieces.push(piece)
    })()
    await expect(done).rejects.toBe(refused)
    expect(pieces.length).toBeLessThan(2)
  })
})
