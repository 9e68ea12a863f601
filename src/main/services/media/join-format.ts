import { Input, MP4, type VideoCodec } from 'mediabunny'
import { fail } from '../../../shared/errors'
import { openContained } from '../disk/contained-file'
import type { AudioFormat } from './audio-format'
import { containedSource } from './contained-source'

/** What must be identical for takes to be joined by copying packets: one decoder can then play the whole film. */
export interface JoinFormat {
  codec: VideoCodec
  /** Codec string, coded size, frame rate and the decoder configuration record (avcC) bytes. */
  videoKey: string
  /** The take's AAC sound; null when it has none. */
  audio: AudioFormat | null
  /** False when the take has sound in a codec other than AAC, which cannot share an AAC track. */
  audioCopyable: boolean
}

/** Reads the decoder configurations of a take in the project at `root`; the caller compares them across takes to choose copy or re-encode. */
export async function readJoinFormat(root: string, filePath: string, frameRate: { num: number; den: number }): Promise<JoinFormat> {
  const file = await openContained(root, filePath)
  const input = new Input({ source: containedSource(file), formats: [MP4] })
  try {
    return await joinFormatOf(input, frameRate)
  } finally {
    input.dispose()
    await file.handle.close()
  }
}

/** readJoinFormat of a take already open in mediabunny. */
export async function joinFormatOf(input: Input, frameRate: { num: number; den: number }): Promise<JoinFormat> {
  const video = await input.getPrimaryVideoTrack()
  const config = video ? await video.getDecoderConfig() : null
  if (!video?.codec || !config) fail('media_unreadable', 'A take has no readable video track.', 'Download the take again.')
  const videoKey = [config.codec, config.codedWidth, config.codedHeight, `${frameRate.num}/${frameRate.den}`, hex(config.description)].join('|')
  const track = await input.getPrimaryAudioTrack()
  const audioConfig = track ? await track.getDecoderConfig() : null
  const audio: AudioFormat | null = track?.codec === 'aac' && audioConfig
    ? { decoderConfig: audioConfig, sampleRate: audioConfig.sampleRate, channels: audioConfig.numberOfChannels, frameSamples: 1024 }
    : null
  return { codec: video.codec, videoKey, audio, audioCopyable: track === null || audio !== null }
}

function hex(description: AllowSharedBufferSource | undefined): string {
  if (!description) return ''
  const bytes = ArrayBuffer.isView(description) ? new Uint8Array(description.buffer, description.byteOffset, description.byteLength) : new Uint8Array(description)
  return Buffer.from(bytes).toString('hex')
}
