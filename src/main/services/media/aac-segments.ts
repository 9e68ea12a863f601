import { fail } from '../../../shared/errors'

/** Samples in one AAC-LC frame; ffmpeg's encoder also starts every stream with one frame of priming. */
export const AAC_FRAME_SAMPLES = 1024
/**
 * Frames each segment's encoder runs before and after the frames kept from it, so its psychoacoustic model, window
 * choice and the limiter before it have seen the same sound around a splice as one encoder over the whole film.
 */
const PRE_ROLL_FRAMES = 4
const POST_ROLL_FRAMES = 4
/** Below about 10 s a segment's start-up would cost more than encoding it on another core saves. */
const MIN_SEGMENT_FRAMES = 470

/** One encoder's share of the track: the samples it reads, and which of the frames it writes go into the film. */
export interface AacSegment {
  /** The first sample and the sample after the last, of the whole track, that this encoder reads. */
  startSample: number
  endSample: number
  /** Frames (from 0, its priming frame) the encoder writes before the first kept one. */
  skipFrames: number
  /** Frames kept after those. */
  keepFrames: number
}

/** How many encoders to split a track of `samples` among: one per core, each with at least ~10 s. */
export function segmentCount(samples: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(samples / AAC_FRAME_SAMPLES / MIN_SEGMENT_FRAMES)))
}

/**
 * Splits the encoding of `samples` of sound into `count` encoders whose frames, laid end to end, are the frames one
 * encoder would write for it without its priming frame: frame n of them decodes to samples [1024 n, 1024 (n + 1)),
 * so the track starts on time with no edit list, as the copy join lays the takes' sound. AAC frames are coded
 * independently (only their windows overlap), so frames from encoders that saw the same samples join seamlessly.
 */
export function aacSegments(samples: number, count: number): AacSegment[] {
  const frames = Math.ceil(samples / AAC_FRAME_SAMPLES)
  const segments = Math.max(1, Math.min(count, Math.floor(frames / (PRE_ROLL_FRAMES + 1))))
  // Global frame g (the priming frame being 0) carries samples [1024 (g − 1), 1024 g); the film keeps frames 1…frames.
  const bounds = Array.from({ length: segments + 1 }, (_, index) => 1 + Math.round((index * frames) / segments))
  return bounds.slice(0, -1).map((first, index) => {
    const end = bounds[index + 1]!
    // An encoder started at sample s (a frame boundary) writes global frame g as its frame g − s / 1024.
    const startFrame = index === 0 ? 0 : first - PRE_ROLL_FRAMES
    const last = index === segments - 1
    return {
      startSample: startFrame * AAC_FRAME_SAMPLES,
      endSample: last ? samples : Math.min(samples, (end + POST_ROLL_FRAMES) * AAC_FRAME_SAMPLES),
      skipFrames: first - startFrame,
      keepFrames: end - first,
    }
  })
}

/** The frames of an ADTS stream (each with its header, as ffmpeg's `adts` muxer writes them). */
export function adtsFrames(bytes: Uint8Array): Uint8Array[] {
  const frames: Uint8Array[] = []
  for (let at = 0; at < bytes.byteLength; ) {
    // Sync word 0xFFF, then the 13-bit frame length (header included) at bits 30–42.
    if (at + 7 > bytes.byteLength || bytes[at] !== 0xff || (bytes[at + 1]! & 0xf0) !== 0xf0) broken()
    const length = ((bytes[at + 3]! & 0x03) << 11) | (bytes[at + 4]! << 3) | (bytes[at + 5]! >> 5)
    if (length < 7 || at + length > bytes.byteLength) broken()
    frames.push(bytes.subarray(at, at + length))
    at += length
  }
  return frames
}

/** The film's frames from each segment's stream, in order. */
export function spliceSegments(segments: readonly AacSegment[], streams: readonly Uint8Array[][]): Uint8Array[] {
  return segments.flatMap((segment, index) => {
    const frames = streams[index]!.slice(segment.skipFrames, segment.skipFrames + segment.keepFrames)
    if (frames.length !== segment.keepFrames) broken()
    return frames
  })
}

function broken(): never {
  fail('export_failed', 'The encoded sound of the film came out damaged.', 'Export again; if it keeps failing, reinstall Omniboard.')
}
