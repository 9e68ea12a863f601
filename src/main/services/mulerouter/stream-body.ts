import { readBodyImage, type AssetReader, type BodyPlan } from './request-body'

/**
 * Raw bytes per base64 chunk: a multiple of 3, so each chunk encodes without padding and the chunks simply
 * concatenate. 192 KiB encodes in well under a millisecond, and at 0.5 MB/s a chunk still completes twice a second,
 * so progress and the idle timer keep moving on a slow link.
 */
export const CHUNK_BYTES = 3 * 64 * 1024

/** Resolves when the sink can take more (after `drain` when it pushed back); rejects once the request is gone. */
export type WriteChunk = (chunk: Buffer | string) => Promise<void>

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Writes the body in order: skeleton text as it is, each image read when its turn comes and written as base64
 * chunk by chunk. At most one image's bytes are in memory at a time, and never the whole body.
 */
export async function writeBody(plan: BodyPlan, reader: AssetReader, write: WriteChunk): Promise<void> {
  for (const part of plan.parts) {
    if (part.kind === 'text') {
      await write(part.bytes)
      continue
    }
    const bytes = await readBodyImage(reader, part.image)
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (part.prefix !== '') await write(part.prefix)
    for (let start = 0; start < buffer.byteLength; start += CHUNK_BYTES) {
      await write(buffer.subarray(start, start + CHUNK_BYTES).toString('base64'))
      // A fast link never pushes back, so without this the whole image would encode in one event-loop turn.
      await yieldToEventLoop()
    }
  }
}
