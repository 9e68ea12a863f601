import type { CutEntry } from '../cut/cut-plan'
import type { Clip } from '../domain/project'

/** One caption on the film's timeline, in milliseconds so every format rounds alike. */
export interface CaptionCue {
  startMs: number
  endMs: number
  text: string
  speaker: string | null
}

/**
 * The captions of the film as cut: each clip's lines moved to where the clip plays, trimmed to the clip's span there
 * (a take may run shorter than the clip asked for), in order of their start. The entries are laid end to end, so a
 * film that leaves clips out (no animatic stills) gets cues timed to what it holds. Empty or wholly outside lines,
 * and lines that end before they start, are left out.
 */
export function captionCues(entries: readonly Pick<CutEntry, 'clipId' | 'durationSeconds'>[], clips: readonly Pick<Clip, 'id' | 'captions'>[]): CaptionCue[] {
  const clipsById = new Map(clips.map((clip) => [clip.id, clip]))
  const cues: CaptionCue[] = []
  let clipStart = 0
  for (const entry of entries) {
    for (const line of clipsById.get(entry.clipId)?.captions ?? []) {
      const startMs = toMs(clipStart + Math.max(0, line.startSeconds))
      const endMs = toMs(clipStart + Math.min(entry.durationSeconds, line.endSeconds))
      const text = line.text.trim()
      if (text && endMs > startMs) cues.push({ startMs, endMs, text, speaker: line.speaker?.trim() || null })
    }
    clipStart += entry.durationSeconds
  }
  return cues.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)
}

const toMs = (seconds: number): number => Math.round(seconds * 1000)
