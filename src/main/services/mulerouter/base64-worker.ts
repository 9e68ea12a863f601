import { Worker } from 'node:worker_threads'
import { AppErrorException, appError } from '../../../shared/errors'

/**
 * The thread's whole program: raw bytes in (transferred), their base64 out as ASCII bytes (transferred back), so
 * the main thread neither encodes nor turns a string back into bytes to write it. Evaluated from this string
 * rather than loaded from a file, so the bundled main process and the CLI start it the same way.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, input, length }) => {
  const text = Buffer.from(input, 0, length).toString('base64')
  const encoded = Buffer.allocUnsafeSlow(text.length)
  encoded.write(text, 0, 'latin1')
  parentPort.postMessage({ id, input, encoded: encoded.buffer }, [input, encoded.buffer])
})
`

/** A piece's base64, and the memory its raw bytes were handed over in, back for the next piece. */
export interface EncodedPiece {
  base64: Buffer
  input: ArrayBuffer
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
  started.on('message', ({ id, input, encoded }: { id: number; input: ArrayBuffer; encoded: ArrayBuffer }) => {
    const entry = waiting.get(id)
    waiting.delete(id)
    entry?.resolve({ base64: Buffer.from(encoded), input })
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
 * The base64 of `raw` as ASCII bytes, encoded on the encoder thread. `raw` is copied (into `input` when it is large
 * enough: fresh memory costs a page fault per 4 KiB) before this returns, so its memory may be reused at once
 * (file readers hand out one buffer chunk after chunk).
 */
export function encodeBase64OnWorker(raw: Uint8Array, input?: ArrayBuffer): Promise<EncodedPiece> {
  const into = input !== undefined && input.byteLength >= raw.byteLength ? input : new ArrayBuffer(raw.byteLength)
  new Uint8Array(into).set(raw)
  const id = nextId++
  return new Promise<EncodedPiece>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    encoder().postMessage({ id, input: into, length: raw.byteLength }, [into])
  })
}
