import type { VideoFacts } from '../../../../shared/domain/video-reference'

/** "5 s · 1280×720 · 24 fps · 3.2 MB": what a video is, as its rules are written. */
export function videoFactsWords(facts: VideoFacts): string {
  const seconds = Math.round(facts.durationSeconds * 10) / 10
  const megabytes = (facts.bytes / (1024 * 1024)).toFixed(1)
  return `${seconds} s · ${facts.width}×${facts.height} · ${Math.round(facts.fps)} fps · ${megabytes} MB`
}
