import {
  BufferSource, EncodedAudioPacketSource, EncodedPacket, EncodedPacketSink, EncodedVideoPacketSource, FilePathTarget, Input, MP4, Mp4OutputFormat, Output,
  type InputVideoTrack, type VideoCodec,
} from 'mediabunny'
import type { TakeMedia } from '../../../shared/cut/cut-plan'
import { fail } from '../../../shared/errors'
import { readContained } from '../disk/contained-file'
import type { AudioFormat, SilentAudioFrame } from './audio-format'
import { cancelledError } from '../export-cancelled'
import { MAX_TAKE_BYTES } from './take-limits'

const throwCancelled = (): never => {
  throw cancelledError()
}

export interface JoinSegment {
  filePath: string
  media: TakeMedia
}

export interface JoinOptions {
  /** The project folder the segments' files must lie in. */
  root: string
  segments: readonly JoinSegment[]
  /** The codec all segments share. */
  codec: VideoCodec
  outputPath: string
  /** The audio track's format, or null when no take has sound (then the film has no audio track). */
  audio: AudioFormat | null
  /** One AAC frame of silence in `audio`'s format; asked for only when some take has no sound. */
  silentFrame: () => Promise<SilentAudioFrame>
  signal: AbortSignal
  onProgress: (fraction: number) => void
}

/**
 * Joins takes that share one decoder configuration into one MP4 by copying their encoded packets through
 * mediabunny's muxer, re-timed end to end — no decoding, so nothing is lost. Each take lasts exactly its frame
 * count. The copy join (copy-join.ts) does the same in bulk; this is its fallback for layouts it does not follow.
 *
 * Audio is laid out AAC frame by frame on one running clock: at each take's start the clock is within one frame
 * (~21 ms) of the video, a take's sound longer than its picture is trimmed, and a take without sound (or with
 * less) is filled with silent frames, so the sound never drifts from the picture however many takes are joined.
 */
export async function joinPackets(options: JoinOptions): Promise<void> {
  const { segments, audio, signal } = options
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'reserve' }), target: new FilePathTarget(options.outputPath) })
  const first = segments[0]
  if (!first) fail('export_failed', 'There is nothing to export.', 'Choose a take for at least one clip.')
  const totalSeconds = segments.reduce((sum, segment) => sum + segmentSeconds(segment.media), 0)
  // 'reserve' puts the index before the media (a client can start watching before the file is fully sent);
  // it needs an upper bound on packets, which the frame counts give exactly.
  const video = new EncodedVideoPacketSource(options.codec)
  const frames = segments.reduce((sum, segment) => sum + segment.media.frames, 0)
  output.addVideoTrack(video, { frameRate: first.media.frameRate.num / first.media.frameRate.den, maximumPacketCount: frames })
  const sound = audio ? new EncodedAudioPacketSource('aac') : null
  if (sound && audio) {
    const audioFrames = Math.ceil((totalSeconds * audio.sampleRate) / audio.frameSamples) + segments.length + 1
    output.addAudioTrack(sound, { decoderConfig: audio.decoderConfig, maximumPacketCount: audioFrames })
  }
  try {
    await output.start()
    const clock = { videoStart: 0, audioAt: 0, firstVideo: true, firstAudio: true }
    for (const segment of segments) {
      if (signal.aborted) throwCancelled()
      const length = segmentSeconds(segment.media)
      await copySegment(options.root, segment, clock, { video, sound, audio, silentFrame: options.silentFrame, signal, length })
      clock.videoStart += length
      options.onProgress(clock.videoStart / totalSeconds)
    }
    await output.finalize()
  } catch (cause) {
    await output.cancel().catch(() => undefined)
    throw cause
  }
}

/** A take's length on the film: its frames at its frame rate, so joined takes never gain or lose a frame. */
const segmentSeconds = (media: TakeMedia): number => (media.frames * media.frameRate.den) / media.frameRate.num

interface Clock {
  videoStart: number
  audioAt: number
  firstVideo: boolean
  firstAudio: boolean
}

interface Tracks {
  video: EncodedVideoPacketSource
  sound: EncodedAudioPacketSource | null
  audio: AudioFormat | null
  silentFrame: () => Promise<SilentAudioFrame>
  signal: AbortSignal
  length: number
}

async function copySegment(root: string, segment: JoinSegment, clock: Clock, tracks: Tracks): Promise<void> {
  // A take is at most a few tens of MB; reading it whole is several times faster than mediabunny's ranged file reads.
  const input = new Input({ source: new BufferSource(await readContained(root, segment.filePath, MAX_TAKE_BYTES)), formats: [MP4] })
  try {
    const videoTrack = await input.getPrimaryVideoTrack()
    if (!videoTrack) fail('media_unreadable', `${segment.media.fileName} has no video track.`, 'Download the take again.')
    const audioTrack = tracks.sound ? await input.getPrimaryAudioTrack() : null
    const end = clock.videoStart + tracks.length
    // Interleaving by time keeps the muxer from holding a whole take's video in memory while it waits for audio.
    const videoPackets = retimedVideo(videoTrack, clock)
    const audioPackets = audioTrack ? new EncodedPacketSink(audioTrack).packets() : null
    let nextVideo = await videoPackets.next()
    let nextAudio = audioPackets ? await audioPackets.next() : null
    while (!nextVideo.done || (nextAudio && !nextAudio.done)) {
      if (tracks.signal.aborted) throwCancelled()
      const audioFirst = nextAudio && !nextAudio.done && (nextVideo.done || clock.audioAt <= nextVideo.value.timestamp)
      if (audioFirst && nextAudio && !nextAudio.done) {
        await addAudio(nextAudio.value, end, clock, tracks)
        nextAudio = await audioPackets!.next()
      } else if (!nextVideo.done) {
        await tracks.video.add(nextVideo.value, clock.firstVideo ? { decoderConfig: (await videoTrack.getDecoderConfig()) ?? undefined } : undefined)
        clock.firstVideo = false
        nextVideo = await videoPackets.next()
      }
    }
    await fillSilence(end, clock, tracks)
  } finally {
    input.dispose()
  }
}

async function* retimedVideo(track: InputVideoTrack, clock: Clock): AsyncGenerator<EncodedPacket> {
  const start = await track.getFirstTimestamp()
  for await (const packet of new EncodedPacketSink(track).packets()) {
    yield packet.clone({ timestamp: clock.videoStart + packet.timestamp - start })
  }
}

/** Places a take's next AAC frame on the running audio clock, dropping encoder priming and what overruns the picture. */
async function addAudio(packet: EncodedPacket, end: number, clock: Clock, tracks: Tracks): Promise<void> {
  if (!tracks.sound || !tracks.audio) return
  if (packet.timestamp < 0) return
  if (clock.audioAt + packet.duration / 2 > end) return
  await tracks.sound.add(packet.clone({ timestamp: clock.audioAt }), firstAudioMeta(clock, tracks.audio))
  clock.audioAt += packet.duration
}

async function fillSilence(end: number, clock: Clock, tracks: Tracks): Promise<void> {
  if (!tracks.sound || !tracks.audio) return
  const frameSeconds = tracks.audio.frameSamples / tracks.audio.sampleRate
  if (clock.audioAt + frameSeconds / 2 > end) return
  const silence = await tracks.silentFrame()
  while (clock.audioAt + frameSeconds / 2 <= end) {
    const packet = new EncodedPacket(silence.data, 'key', clock.audioAt, frameSeconds)
    await tracks.sound.add(packet, firstAudioMeta(clock, tracks.audio))
    clock.audioAt += frameSeconds
  }
}

function firstAudioMeta(clock: Clock, audio: AudioFormat): EncodedAudioChunkMetadata | undefined {
  if (!clock.firstAudio) return undefined
  clock.firstAudio = false
  return { decoderConfig: audio.decoderConfig }
}
