import { encodeBase64OnWorker, type EncodeSlot } from './base64-worker'

/** A piece of the body before encoding: text to send as it is, or image bytes to send as base64. */
export type BodyPiece = { ready: Buffer | string } | { raw: Uint8Array }

interface Encoded {
  bytes: Buffer | string
  slot?: EncodeSlot
}

/**
 * The pieces in order, with up to `ahead` of them read and encoding on the encoder thread while the caller writes
 * the one before: the body leaves at the pace of the slower of encoding and the socket, not of both added up. A
 * yielded piece's memory is reused once the next piece is asked for, so the caller finishes writing it first. A
 * read that fails (an image that changed) ends the body before the next piece, even one already encoded.
 */
export async function* encodedAhead(pieces: AsyncIterable<BodyPiece>, ahead: number): AsyncGenerator<Buffer | string> {
  const source = pieces[Symbol.asyncIterator]()
  const queue: Promise<Encoded>[] = []
  // Slots back from the encoder whose piece has been written: reused rather than allocated for each piece.
  const spareSlots: EncodeSlot[] = []
  let exhausted = false
  let stopped = false
  let failure: { error: unknown } | undefined
  let pumping: Promise<void> | undefined

  const encode = async (raw: Uint8Array): Promise<Encoded> => {
    const { base64, slot } = await encodeBase64OnWorker(raw, spareSlots.pop())
    return { bytes: base64, slot }
  }
  const pump = async (): Promise<void> => {
    while (!exhausted && !stopped && queue.length < ahead) {
      const next = await source.next()
      if (next.done) {
        exhausted = true
        return
      }
      const piece = 'raw' in next.value ? encode(next.value.raw) : Promise.resolve({ bytes: next.value.ready })
      // Awaited in order below; this only keeps a piece left behind by a body that stopped from going unhandled.
      piece.catch(() => undefined)
      queue.push(piece)
    }
  }
  const topUp = (): Promise<void> =>
    (pumping ??= pump()
      .catch((error: unknown) => {
        failure = { error }
      })
      .finally(() => {
        pumping = undefined
      }))

  try {
    for (;;) {
      if (queue.length === 0 && !exhausted) await topUp()
      if (failure) throw failure.error
      const head = queue.shift()
      if (!head) return
      // Reading and encoding go on while this piece is written.
      void topUp()
      const { bytes, slot } = await head
      yield bytes
      if (slot) spareSlots.push(slot)
    }
  } finally {
    stopped = true
    await pumping
    // Closes the file being read when the body stopped part-way.
    await source.return?.(undefined)
  }
}
