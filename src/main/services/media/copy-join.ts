import { open, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { fail } from '../../../shared/errors'
import { mapAtMost } from '../../../shared/map-at-most'
import { reopenContained, type ContainedFile } from '../disk/contained-file'
import type { FileIdentity } from '../disk/file-identity'
import type { AudioFormat, SilentAudioFrame } from './audio-format'
import { cancelledError } from '../export-cancelled'
import { buildFilmHeader } from './film-moov'
import type { JoinSegment } from './join-packets'
import { layoutJoin, selectAudio, type JoinLayout } from './join-sample-tables'
import { Mp4LayoutError } from './mp4-boxes'
import { joinTakeOf, readJoinTake } from './read-join-take'
import type { TakeIndex } from './take-index'

/** Large enough that a take moves in one or two reads and writes; two are in flight at once. */
const BLOCK_BYTES = 8 * 1024 * 1024
/** Takes whose indexes are read at once (see mapAtMost). */
const INDEXES_AT_ONCE = 8
/** Takes opened ahead of the one being copied. */
const OPEN_AHEAD = 4
/** Progress reports over a copy: every half per cent. */
const PROGRESS_STEPS = 200

/** A film the copy join can write: its header and where each piece of its media comes from. */
export interface CopyJoinPlan {
  header: Buffer
  layout: JoinLayout
  files: readonly string[]
  /** The identity of each file whose index the header was built from: the bytes copied must be that file's. */
  identities: readonly FileIdentity[]
  silence: Uint8Array | null
}

/** A take to join; `known` is its index as TakeProbes read it this session, so it need not be read again. */
export type CopySegment = JoinSegment & { known?: { index: TakeIndex; identity: FileIdentity } }

/**
 * Plans the join of same-format takes as one MP4 written directly: the takes' sample tables concatenated into one
 * index at the front, and their media copied in large blocks behind it — its cost is that of copying the bytes.
 * Returns null, having written nothing, when a take's layout is one this join does not follow (fragmented, edit
 * lists beyond a single plain edit, media outside its `mdat`…); the packet join then does the work.
 */
export async function planCopyJoin(root: string, segments: readonly CopySegment[], audio: AudioFormat | null, silentFrame: () => Promise<SilentAudioFrame>): Promise<CopyJoinPlan | null> {
  // Starting ffmpeg for the silence can take longer than reading every take's index, so it runs alongside.
  const silenceSoon = audio && segments.some((segment) => !segment.media.hasAudio) ? silentFrame() : null
  silenceSoon?.catch(() => undefined)
  try {
    const takes = await mapAtMost(segments, INDEXES_AT_ONCE, async (segment) => {
      const { known, media } = segment
      if (known) return { ...joinTakeOf(known.index, media.frameRate, audio !== null), identity: known.identity }
      return readJoinTake(root, segment.filePath, media.frameRate, audio !== null)
    })
    if (takes.some((take, index) => take.video.sizes.length !== segments[index]!.media.frames)) return null
    const sound = audio ? { sampleRate: audio.sampleRate, frameSamples: audio.frameSamples } : null
    const selections = sound ? selectAudio(takes, sound) : takes.map(() => ({ first: 0, count: 0, silentFrames: 0 }))
    const silence = sound && selections.some((selection) => selection.silentFrames > 0) ? (await (silenceSoon ?? silentFrame())).data : null
    const layout = layoutJoin(takes, selections, silence && sound ? { frameBytes: silence.byteLength, frameSamples: sound.frameSamples } : null)
    return { header: buildFilmHeader(layout).bytes, layout, files: segments.map((segment) => segment.filePath), identities: takes.map((take) => take.identity), silence }
  } catch (cause) {
    if (cause instanceof Mp4LayoutError) return null
    throw cause
  }
}

/** Writes a planned film to `outputPath`; the caller syncs and renames it. */
export async function writeCopyJoin(plan: CopyJoinPlan, outputPath: string, signal: AbortSignal, onProgress: (fraction: number) => void): Promise<void> {
  const output = await open(outputPath, 'w')
  const files = openAhead(plan.layout.pieces.flatMap((piece) => (piece.kind === 'range' ? [{ filePath: plan.files[piece.take]!, identity: plan.identities[piece.take]! }] : [])))
  try {
    const writer = new BlockWriter(output)
    await writer.put(plan.header)
    let copied = 0
    let told = 0
    const advance = (bytes: number): void => {
      copied += bytes
      // A film of 1,500 takes copies 1,500 blocks; the window hears of each whole step, not of every block.
      if (copied < plan.layout.payloadBytes && copied - told < plan.layout.payloadBytes / PROGRESS_STEPS) return
      told = copied
      onProgress(copied / plan.layout.payloadBytes)
    }
    for (const piece of plan.layout.pieces) {
      if (signal.aborted) throw cancelledError()
      if (piece.kind === 'range') {
        await writer.copyFrom(await files.next(), piece.start, piece.end, signal, advance)
      } else {
        const run = Buffer.concat(Array.from({ length: piece.frames }, () => plan.silence!))
        await writer.put(run)
        advance(run.byteLength)
      }
    }
    await writer.finish()
    if (signal.aborted) throw cancelledError()
  } finally {
    await files.closeUnused()
    await output.close()
  }
}

/**
 * Opens the takes' files in the order the copy wants them, a few ahead so each open overlaps the copying before it.
 * Each must still be the file whose index went into the header (checked through openContained this export).
 */
function openAhead(takes: readonly { filePath: string; identity: FileIdentity }[]): { next(): Promise<ContainedFile>; closeUnused(): Promise<void> } {
  const opening: Promise<ContainedFile>[] = []
  let taken = 0
  const reopen = async ({ filePath, identity }: (typeof takes)[number]): Promise<ContainedFile> => (await reopenContained(filePath, identity)) ?? changedWhileExporting(filePath)
  return {
    next() {
      while (opening.length < Math.min(takes.length, taken + OPEN_AHEAD)) {
        const file = reopen(takes[opening.length]!)
        // Its failure is reported when the copy reaches it, or the file is closed unused.
        file.catch(() => undefined)
        opening.push(file)
      }
      return opening[taken++] ?? Promise.reject(new Error('no more takes to open'))
    },
    async closeUnused() {
      await Promise.all(opening.slice(taken).map((file) => file.then((opened) => opened.handle.close(), () => undefined)))
    },
  }
}

/** Appends to a file, reading the next block while the last one is being written. */
class BlockWriter {
  private position = 0
  private pending: Promise<void> = Promise.resolve()
  private readonly buffers = [Buffer.allocUnsafe(BLOCK_BYTES), Buffer.allocUnsafe(BLOCK_BYTES)]
  private turn = 0

  constructor(private readonly output: FileHandle) {}

  async put(bytes: Uint8Array): Promise<void> {
    await this.pending
    const write = writeFully(this.output, bytes, this.position)
    // A failed write is reported by the next put or finish; until then it must not count as unhandled.
    write.catch(() => undefined)
    this.pending = write
    this.position += bytes.byteLength
  }

  /** Copies bytes [start, end) of an opened take, then closes it. */
  async copyFrom(file: ContainedFile, start: number, end: number, signal: AbortSignal, onBlock: (bytes: number) => void): Promise<void> {
    const { handle: input, filePath } = file
    try {
      for (let offset = start; offset < end; offset += BLOCK_BYTES) {
        if (signal.aborted) throw cancelledError()
        // The other buffer may still be being written; this one's write finished before the last put began.
        const buffer = this.buffers[this.turn]!.subarray(0, Math.min(BLOCK_BYTES, end - offset))
        this.turn ^= 1
        await readFully(input, buffer, offset, filePath)
        await this.put(buffer)
        onBlock(buffer.byteLength)
      }
    } finally {
      await input.close()
    }
  }

  finish(): Promise<void> {
    return this.pending
  }
}

function changedWhileExporting(filePath: string): never {
  return fail('media_unreadable', `${path.basename(filePath)} changed while the film was being exported.`, 'Leave the takes folder alone while a film exports, then export again.')
}

async function readFully(input: FileHandle, buffer: Buffer, position: number, filePath: string): Promise<void> {
  for (let done = 0; done < buffer.byteLength; ) {
    const { bytesRead } = await input.read(buffer, done, buffer.byteLength - done, position + done)
    if (bytesRead === 0) fail('media_unreadable', `${path.basename(filePath)} ended before its media did.`, 'Leave the takes folder alone while a film exports, then export again.')
    done += bytesRead
  }
}

async function writeFully(output: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.byteLength; ) {
    const { bytesWritten } = await output.write(bytes, done, bytes.byteLength - done, position + done)
    done += bytesWritten
  }
}
