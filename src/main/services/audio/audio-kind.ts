import type { AudioKind } from '../../../shared/domain/audio-schema'
import type { AudioDemuxer } from '../ffmpeg/ffmpeg'

/**
 * What sound format `bytes` hold, told by their first bytes, never by the file's name: RIFF/WAVE, `fLaC`, `OggS`,
 * an MP4 `ftyp` box (M4A), an ADTS frame (raw AAC), an ID3 tag or an MPEG audio frame (MP3). Null for anything else.
 */
export function sniffAudioKind(bytes: Uint8Array): AudioKind | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to))
  if (bytes.length < 12) return null
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav'
  if (ascii(0, 4) === 'fLaC') return 'flac'
  if (ascii(0, 4) === 'OggS') return 'ogg'
  if (ascii(4, 8) === 'ftyp') return 'm4a'
  if (ascii(0, 3) === 'ID3') return 'mp3'
  const [first = 0, second = 0] = bytes
  if (first !== 0xff || (second & 0xe0) !== 0xe0) return null
  const layer = (second >> 1) & 0b11
  // MPEG-2/4 ADTS marks layer 00; MPEG audio layers I–III are 01–11.
  return layer === 0 ? ((second & 0xf0) === 0xf0 ? 'aac' : null) : 'mp3'
}

export const audioDemuxers: Record<AudioKind, AudioDemuxer> = { wav: 'wav', mp3: 'mp3', aac: 'aac', m4a: 'mov', flac: 'flac', ogg: 'ogg' }
export const audioExtensions: Record<AudioKind, string> = { wav: 'wav', mp3: 'mp3', aac: 'aac', m4a: 'm4a', flac: 'flac', ogg: 'ogg' }
export const audioMimeTypes: Record<AudioKind, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', aac: 'audio/aac', m4a: 'audio/mp4', flac: 'audio/flac', ogg: 'audio/ogg' }

/** `audio/<sha256>.<ext>`: the stored file's name. */
export const audioFileName = (file: { id: string; kind: AudioKind }): string => `${file.id}.${audioExtensions[file.kind]}`
/** `audio/<sha256>.peaks.json`: the waveform cache beside it. */
export const peaksFileName = (audioId: string): string => `${audioId}.peaks.json`
