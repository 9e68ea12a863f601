import { encodedAhead, type BodyPiece } from './encode-ahead'
import { imageChunks, type AssetReader, type BodyPlan } from './request-body'
import { yieldToEventLoop } from '../yield-to-event-loop'

/**
 * Raw bytes per piece: a multiple of 3, so each piece encodes without padding and the pieces simply concatenate.
 * 768 KiB encode to 1 MiB: a hand-over to the encoder thread and a wait for the socket to drain cost about the
 * same whatever the size, so large pieces keep that cost small beside the encoding itself. The pieces are Buffers outside V8's heap, so their size puts no strings in the old generation.
 */
export const CHUNK_BYTES = 3 * 256 * 1024

/** Bytes per socket write within a piece: each write reports progress when the OS takes it, so progress moves in small steps. */
export const WRITE_BYTES = 64 * 1024

/** Pieces encoding while one is written: enough to keep the encoder busy, a few MB at most in memory. */
const ENCODE_AHEAD = 4

/**
 * Writes the chunks back to back and resolves when the sink can take more (after `drain` when it pushed back);
 * rejects once the request is gone.
 */
export type WriteChunks = (chunks: readonly (Buffer | string)[]) => Promise<void>

/** A piece as socket writes of at most WRITE_BYTES (views of it, not copies). */
function writesOf(piece: Buffer | string): (Buffer | string)[] {
  if (typeof piece === 'string' || piece.byteLength <= WRITE_BYTES) return [piece]
  const writes: Buffer[] = []
  for (let start = 0; start < piece.byteLength; start += WRITE_BYTES) writes.push(piece.subarray(start, start + WRITE_BYTES))
  return writes
}

/** Work between two yields: short enough for a click or an IPC reply to wait unnoticed, long enough to cost little. */
const SLICE_MS = 4

/** The body in order: skeleton text as it is, each image read when its turn comes, chunk by chunk. */
async function* bodyPieces(plan: BodyPlan, reader: AssetReader): AsyncGenerator<BodyPiece> {
  for (const part of plan.parts) {
    if (part.kind === 'text') {
      yield { ready: part.bytes }
      continue
    }
    if (part.prefix !== '') yield { ready: part.prefix }
    for await (const raw of imageChunks(reader, part.image, CHUNK_BYTES)) yield { raw }
  }
}

/**
 * Writes the body in order, each image's base64 made on the encoder thread a few pieces ahead of the socket. Only
 * those pieces are in memory at a time, never a whole image or body.
 */
export async function writeBody(plan: BodyPlan, reader: AssetReader, write: WriteChunks): Promise<void> {
  let sliceStart = performance.now()
  for await (const piece of encodedAhead(bodyPieces(plan, reader), ENCODE_AHEAD)) {
    await write(writesOf(piece))
    // Pieces already encoded and a socket that never pushes back would otherwise be written in one event-loop turn.
    if (performance.now() - sliceStart < SLICE_MS) continue
    await yieldToEventLoop()
    sliceStart = performance.now()
  }
}
