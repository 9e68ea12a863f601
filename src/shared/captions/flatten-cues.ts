import type { CaptionCue } from './cut-captions'

/**
 * The same captions as cues that never overlap: where lines overlap, one cue shows them together (in the order they
 * started), split wherever a line starts or ends. An MP4 subtitle track plays one sample at a time, so overlapping
 * cues there would cut each other short.
 */
export function flattenCues(cues: readonly CaptionCue[]): CaptionCue[] {
  const bounds = [...new Set(cues.flatMap((cue) => [cue.startMs, cue.endMs]))].sort((a, b) => a - b)
  const flat: CaptionCue[] = []
  for (let index = 0; index < bounds.length - 1; index++) {
    const [startMs, endMs] = [bounds[index]!, bounds[index + 1]!]
    const showing = cues.filter((cue) => cue.startMs <= startMs && cue.endMs >= endMs)
    if (showing.length === 0) continue
    const text = showing.map((cue) => (cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text)).join('\n')
    const last = flat.at(-1)
    if (last && last.endMs === startMs && last.text === text) last.endMs = endMs
    else flat.push({ startMs, endMs, text, speaker: null })
  }
  return flat
}
