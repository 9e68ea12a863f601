import { ADTS, BufferSource, FLAC, Input, MP3, MP4, OGG, WAVE, type InputFormat } from 'mediabunny'
import type { AudioKind } from '../../../shared/domain/audio-schema'
import { fail, isAppErrorException } from '../../../shared/errors'

export interface AudioProbe {
  durationSeconds: number
  sampleRate: number
  channels: number
}

/** Six hours: far past any score or voice-over, and the most a lane item may run. */
export const MAX_AUDIO_SECONDS = 6 * 3600
const formats: Record<AudioKind, InputFormat> = { wav: WAVE, mp3: MP3, aac: ADTS, m4a: MP4, flac: FLAC, ogg: OGG }
const hint = 'Export it again from your audio editor as WAV, MP3, AAC/M4A, FLAC or OGG, then import that file.'

/**
 * Length, sample rate and channels of a sound file, read by mediabunny with only the one format its bytes were
 * recognised as (a file is never parsed as something else). A file without a sound track, of no length, or with
 * numbers no real recording has, is refused with a reason.
 */
export async function probeAudio(name: string, kind: AudioKind, bytes: Uint8Array): Promise<AudioProbe> {
  const input = new Input({ source: new BufferSource(bytes), formats: [formats[kind]] })
  try {
    const track = await input.getPrimaryAudioTrack()
    if (!track) fail('audio_not_supported', `${name} holds no sound Omniboard can find: it may be damaged or cut short.`, hint)
    const durationSeconds = (await track.computeDuration()) - Math.max(0, await track.getFirstTimestamp())
    const probe = { durationSeconds, sampleRate: track.sampleRate, channels: track.numberOfChannels }
    if (!(durationSeconds > 0.05)) fail('audio_not_supported', `${name} is too short to use (${durationSeconds.toFixed(2)} s).`, hint)
    if (durationSeconds > MAX_AUDIO_SECONDS) fail('audio_not_supported', `${name} runs longer than 6 hours.`, 'Cut it into shorter files.')
    if (probe.sampleRate < 8000 || probe.sampleRate > 384_000 || probe.channels < 1 || probe.channels > 8) {
      fail('audio_not_supported', `${name} has ${probe.channels} channels at ${probe.sampleRate} Hz, which Omniboard cannot mix.`, hint)
    }
    return probe
  } catch (cause) {
    if (isAppErrorException(cause)) throw cause
    return fail('audio_not_supported', `${name} looks like ${kind.toUpperCase()} but cannot be read: it may be damaged or cut short.`, hint)
  } finally {
    input.dispose()
  }
}
