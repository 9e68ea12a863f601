import { randomUUID } from 'node:crypto'

/**
 * JSON.stringify plus UTF-8 encoding of a body with nine 5 MB images stalls the main process for about
 * 300 ms. Images are base64 (or a data URI), which JSON never escapes, so they can be copied into the
 * output buffer in slices, yielding between them; only the small rest goes through JSON.stringify.
 */
const LARGE_STRING = 64 * 1024
const SLICE_CHARS = 8 * 1024 * 1024
/**
 * Anything JSON would escape, or that is not one byte in UTF-8. Searching for the first such character is
 * several times faster than matching a whole multi-megabyte string against an allowed set, and needs no slices.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const NEEDS_JSON_OR_UTF8 = /["\\\u0000-\u001f\u007f-\uffff]/

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

type Piece = { kind: 'json'; text: string } | { kind: 'ascii'; text: string }

export async function serializeJsonBody(body: unknown): Promise<Buffer<ArrayBuffer>> {
  const marker = `omniboard-large-string-${randomUUID()}`
  const large: string[] = []
  const skeleton = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value !== 'string' || value.length <= LARGE_STRING) return value
    large.push(value)
    return `${marker}:${large.length - 1}`
  })
  // Splitting on a capture group alternates skeleton text and the index of a large string.
  const split = skeleton.split(new RegExp(`"${marker}:(\\d+)"`))
  const pieces: Piece[] = []
  for (let i = 0; i < split.length; i++) {
    const text = split[i] ?? ''
    if (i % 2 === 0) {
      pieces.push({ kind: 'json', text })
      continue
    }
    const value = large[Number(text)] ?? ''
    pieces.push((await isJsonSafeAscii(value)) ? { kind: 'ascii', text: value } : { kind: 'json', text: JSON.stringify(value) })
  }
  const size = pieces.reduce((total, piece) => total + (piece.kind === 'json' ? Buffer.byteLength(piece.text) : piece.text.length + 2), 0)
  // Backed by a plain ArrayBuffer so fetch takes it as a body without another copy.
  const out = Buffer.from(new ArrayBuffer(size))
  let offset = 0
  for (const piece of pieces) {
    if (piece.kind === 'json') {
      offset += out.write(piece.text, offset, 'utf8')
      continue
    }
    offset = out.writeUInt8(0x22, offset)
    for (let start = 0; start < piece.text.length; start += SLICE_CHARS) {
      await yieldToEventLoop()
      offset += out.write(piece.text.slice(start, start + SLICE_CHARS), offset, 'latin1')
    }
    offset = out.writeUInt8(0x22, offset)
  }
  return out
}

/** A 7 MB image string scans in a few milliseconds, well inside one event-loop turn. */
async function isJsonSafeAscii(value: string): Promise<boolean> {
  await yieldToEventLoop()
  return !NEEDS_JSON_OR_UTF8.test(value)
}
