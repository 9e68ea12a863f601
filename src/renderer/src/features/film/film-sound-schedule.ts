import { sourceGainAt, type MixSource } from '../../../../shared/audio/mix-plan'

/** What one scheduled lane item left running, so a pause or a seek can stop it. */
export type Scheduled = { node: AudioBufferSourceNode; gain: GainNode }

/**
 * Starts every lane item still to sound after film time `fromSeconds`, placed against the audio clock: film time
 * `fromSeconds` is the context's `atContextTime`. Gains follow the same straight-line fades as the export's `afade`.
 */
export function scheduleSources(context: AudioContext, output: AudioNode, sources: readonly MixSource[], buffers: ReadonlyMap<string, AudioBuffer>, fromSeconds: number, atContextTime: number): Scheduled[] {
  const scheduled: Scheduled[] = []
  for (const source of sources) {
    const buffer = buffers.get(source.audioId)
    const end = source.filmStartSeconds + source.durationSeconds
    if (!buffer || end <= fromSeconds) continue
    const into = Math.max(0, fromSeconds - source.filmStartSeconds)
    const startAt = atContextTime + Math.max(0, source.filmStartSeconds - fromSeconds)
    const node = context.createBufferSource()
    node.buffer = buffer
    const gain = context.createGain()
    // The envelope's corners from here on: now, the end of the fade-in, the start of the fade-out, the end.
    const corners = [into, source.fadeInSeconds, source.durationSeconds - source.fadeOutSeconds, source.durationSeconds].filter((t) => t >= into).sort((a, b) => a - b)
    gain.gain.setValueAtTime(sourceGainAt(source, into), startAt)
    for (const corner of corners.slice(1)) gain.gain.linearRampToValueAtTime(sourceGainAt(source, Math.min(corner, source.durationSeconds - 1e-6)), startAt + corner - into)
    node.connect(gain).connect(output)
    node.start(startAt, source.sourceInSeconds + into, source.durationSeconds - into)
    scheduled.push({ node, gain })
  }
  return scheduled
}

export function stopScheduled(scheduled: readonly Scheduled[]): void {
  for (const { node, gain } of scheduled) {
    try {
      node.stop()
    } catch {
      // Never started, or already ended.
    }
    node.disconnect()
    gain.disconnect()
  }
}
