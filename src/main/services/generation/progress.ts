import type { Take } from '../../../shared/domain/project'
import type { JobProgress } from '../../../shared/domain/job-progress'

/**
 * A rough guess of how long MuleRouter takes, for the progress bar only: a fixed queue-and-start cost plus a cost
 * per second of video, higher for 1080p. Measured by eye, not published anywhere; the UI labels it "about".
 */
const BASE_MS = 60_000
const PER_VIDEO_SECOND_MS = { std: 8_000, pro: 12_000 } as const

export function estimatedRenderMs(request: Take['request']): number {
  const seconds = typeof request.duration === 'number' ? request.duration : 5
  const perSecond = request.mode === 'std' ? PER_VIDEO_SECOND_MS.std : PER_VIDEO_SECOND_MS.pro
  return BASE_MS + seconds * perSecond
}

export const elapsedSince = (take: Take, now: number): number =>
  Math.max(0, now - Date.parse(take.submittedAt ?? take.createdAt))

export function progressOf(take: Take, now: number, bytes?: { downloaded: number; total: number | null }): JobProgress {
  const elapsedMs = elapsedSince(take, now)
  const rendering = take.status === 'submitting' || take.status === 'pending' || take.status === 'processing'
  // Past the estimate we say "unknown" rather than a countdown stuck at zero.
  const left = estimatedRenderMs(take.request) - elapsedMs
  return {
    takeId: take.id,
    clipId: take.clipId,
    status: take.status,
    elapsedMs,
    estimatedRemainingMs: rendering && left > 0 ? left : null,
    downloadedBytes: bytes?.downloaded ?? null,
    totalBytes: bytes?.total ?? null,
  }
}
