import { megabytes } from '../../../../../shared/byte-size'
import type { VideoFacts } from '../../../../../shared/domain/video-reference'

/** "5 s · 1280×720 · 24 fps · 3.2 MB" (or "30 KB"): what a video is, in the terms its rules are written in. */
export function videoFactsWords(facts: VideoFacts): string {
  const seconds = Math.round(facts.durationSeconds * 10) / 10
  return `${seconds} s · ${facts.width}×${facts.height} · ${Math.round(facts.fps)} fps · ${megabytes(facts.bytes)}`
}
