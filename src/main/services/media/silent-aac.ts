import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BufferSource, EncodedPacketSink, Input, MP4 } from 'mediabunny'
import { fail } from '../../../shared/errors'
import type { AudioFormat, SilentAudioFrame } from './audio-format'
import { runFfmpeg } from '../ffmpeg/ffmpeg'

/**
 * Encodes a quarter second of digital silence with the bundled ffmpeg in the film's sample rate and channel count
 * and keeps one frame from its middle: past the encoder's start-up, every frame of silence is the same bytes, so
 * repeating that one frame fills any gap without re-encoding the takes around it.
 */
export async function encodeSilentFrame(format: AudioFormat, signal: AbortSignal): Promise<SilentAudioFrame> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-silence-'))
  try {
    const file = path.join(dir, 'silence.m4a')
    const layout = format.channels === 1 ? 'mono' : format.channels === 2 ? 'stereo' : `${format.channels}c`
    await runFfmpeg({
      inputs: [{ kind: 'generated', graph: `anullsrc=r=${format.sampleRate}:cl=${layout}` }],
      outputOptions: ['-t', '0.25', '-c:a', 'aac', '-b:a', '64k', '-f', 'mp4'],
      outputPath: file,
      outputSeconds: 0.25,
      failure: { code: 'export_failed', hint: 'Export again; if it keeps failing, reinstall Omniboard.' },
      signal,
    })
    const input = new Input({ source: new BufferSource(await fs.readFile(file)), formats: [MP4] })
    try {
      const track = await input.getPrimaryAudioTrack()
      const packets: Uint8Array[] = []
      if (track) for await (const packet of new EncodedPacketSink(track).packets()) packets.push(packet.data)
      const middle = packets[Math.floor(packets.length / 2)]
      if (!middle) fail('export_failed', 'Could not make silence for the takes without sound.', 'Export again; if it keeps failing, reinstall Omniboard.')
      return { data: middle }
    } finally {
      input.dispose()
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
