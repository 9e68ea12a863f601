import { Worker } from 'node:worker_threads'
import { AppErrorException, appError } from '../../../shared/errors'

/**
 * The thread's whole program: raw bytes in (transferred), their base64 out as ASCII bytes (transferred back), so
 * the main thread neither encodes nor turns a string back into bytes to write it. Evaluated from this string
 * rather than loaded from a file, so the bundled main process and the CLI start it the same way.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, input, length, output }) => {
  const text = Buffer.from(input, 0, length).toString('base64')
  const encoded = output !== undefined && output.byteLength >= text.length ? output : new ArrayBuffer(text.length)
  Buffer.from(encoded).write(text, 0, 'latin1')
  parentPort.postMessage({ id, length: text.length, input, output: encoded }, [input, encoded])
})
`

/** Memory a piece travels in: its raw bytes to the encoder thread, its base64 back. Reused from piece to piece. */
export interface EncodeSlot {
  input: ArrayBuffer
  output: ArrayBuffer
}

/** A piece's base64 (a view of its slot's output) and the slot, back for the next piece once this one is written. */
export interface EncodedPiece {
  base64: Buffer
  slot: EncodeSlot
}

interface Waiting {
  resolve: (piece: EncodedPiece) => void
  reject: (error: unknown) => void
}

const waiting = new Map<number, Waiting>()
let nextId = 0
let worker: Worker | undefined

const encoderLost = (): AppErrorException =>
  new AppErrorException(
    appError('internal', 'Omniboard could not prepare the images of this clip for sending, so nothing was sent.', 'Generate again; if it keeps happening, restart Omniboard.'),
  )

function rejectAll(): void {
  worker = undefined
  for (const { reject } of waiting.values()) reject(encoderLost())
  waiting.clear()
}

/** One thread for every upload, started on first use and kept: starting one costs tens of milliseconds. */
function encoder(): Worker {
  if (worker) return worker
  const started = new Worker(workerSource, { eval: true })
  // Never what keeps the process alive: an upload in progress holds its socket open.
  started.unref()
  started.on('message', ({ id, length, input, output }: { id: number; length: number; input: ArrayBuffer; output: ArrayBuffer }) => {
    const entry = waiting.get(id)
    waiting.delete(id)
    entry?.resolve({ base64: Buffer.from(output, 0, length), slot: { input, output } })
  })
  // A lost thread fails the pieces it held; the next piece starts a new one.
  started.on('error', rejectAll)
  started.on('exit', () => {
    if (worker === started) rejectAll()
  })
  worker = started
  return started
}

/**
 * The base64 of `raw` as ASCII bytes, encoded on the encoder thread, travelling in `slot`'s memory when it is large
 * enough (fresh memory costs a page fault per 4 KiB and, once back on this thread, garbage collections for the
 * external memory). `raw` is copied before this returns, so its memory may be reused at once (file readers hand out
 * one buffer chunk after chunk); `slot` is handed over and must not be touched until it comes back.
 */
export function encodeBase64OnWorker(raw: Uint8Array, slot?: EncodeSlot): Promise<EncodedPiece> {
  const input = slot !== undefined && slot.input.byteLength >= raw.byteLength ? slot.input : new ArrayBuffer(raw.byteLength)
  new Uint8Array(input).set(raw)
  const transfer = slot === undefined ? [input] : [input, slot.output]
  const id = nextId++
  return new Promise<EncodedPiece>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    encoder().postMessage({ id, input, length: raw.byteLength, output: slot?.output }, transfer)
  })
}
