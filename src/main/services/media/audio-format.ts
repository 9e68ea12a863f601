/** The AAC format of the film's sound track: every take's sound must match it for packets to be copied. */
export interface AudioFormat {
  decoderConfig: AudioDecoderConfig
  sampleRate: number
  channels: number
  /** Samples per AAC frame (1024 for AAC-LC, the profile Kling and ffmpeg write). */
  frameSamples: number
}

/** One encoded AAC frame of digital silence in a given format; repeated, it decodes to silence. */
export interface SilentAudioFrame {
  data: Uint8Array
}

export const sameAudioFormat = (a: AudioFormat, b: AudioFormat): boolean =>
  a.sampleRate === b.sampleRate && a.channels === b.channels && a.decoderConfig.codec === b.decoderConfig.codec
