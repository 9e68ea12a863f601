import { imageChunks, type AssetReader, type BodyPlan } from './request-body'

/**
 * Raw bytes per base64 chunk: a multiple of 3, so each chunk encodes without padding and the chunks simply
 * concatenate. 48 KiB encode to a 64 KiB string, under V8's 128 KiB limit for an ordinary young object: larger
 * strings go straight to the old generation, and twenty uploads of 256 KiB strings forced full collections while
 * sending (four mark-compacts in 1.6 s, pauses up to 24 ms). At 0.5 MB/s a chunk still completes ten times a second.
 */
export const CHUNK_BYTES = 3 * 16 * 1024

/** Resolves when the sink can take more (after `drain` when it pushed back); rejects once the request is gone. */
export type WriteChunk = (chunk: Buffer | string) => Promise<void>

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
/** Work between two yields: short enough for a click or an IPC reply to wait unnoticed, long enough to cost little. */
const SLICE_MS = 4

/**
 * Writes the body in order: skeleton text as it is, each image read when its turn comes and written as base64
 * chunk by chunk as it is read. Only a chunk of an image is in memory at a time, never a whole image or body.
 */
export async function writeBody(plan: BodyPlan, reader: AssetReader, write: WriteChunk): Promise<void> {
  let sliceStart = performance.now()
  for (const part of plan.parts) {
    if (part.kind === 'text') {
      await write(part.bytes)
      continue
    }
    if (part.prefix !== '') await write(part.prefix)
    for await (const chunk of imageChunks(reader, part.image, CHUNK_BYTES)) {
      // Encoded at once: the reader may reuse the chunk's memory for the next one.
      await write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('base64'))
      // A fast link never pushes back, so without this the whole body would encode in one event-loop turn.
      if (performance.now() - sliceStart < SLICE_MS) continue
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
}
