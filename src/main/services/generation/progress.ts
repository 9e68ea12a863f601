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

export type ProgressBytes = { downloaded: number; total: number | null } | { uploaded: number; uploadTotal: number; bytesPerSecond?: number }

export function progressOf(take: Take, now: number, bytes?: ProgressBytes): JobProgress {
  const elapsedMs = elapsedSince(take, now)
  const rendering = take.status === 'submitting' || take.status === 'pending' || take.status === 'processing'
  // Past the estimate we say "unknown" rather than a countdown stuck at zero.
  const left = estimatedRenderMs(take.request) - elapsedMs
  const download = bytes !== undefined && 'downloaded' in bytes ? bytes : undefined
  const progress: JobProgress = {
    takeId: take.id,
    clipId: take.clipId,
    status: take.status,
    elapsedMs,
    estimatedRemainingMs: rendering && left > 0 ? left : null,
    downloadedBytes: download?.downloaded ?? null,
    totalBytes: download?.total ?? null,
  }
  if (bytes !== undefined && 'uploaded' in bytes) {
    progress.uploadedBytes = bytes.uploaded
    progress.uploadTotalBytes = bytes.uploadTotal
    if (bytes.bytesPerSecond !== undefined) progress.uploadBytesPerSecond = bytes.bytesPerSecond
  }
  return progress
}

/**
 * Turns the client's upload reports (several a second, each with the bytes estimated to have left and the link's
 * rate) into at most one progress event per `throttleMs`, and always the last one.
 */
export function uploadMeter(now: () => number, throttleMs: number, emit: (bytes: ProgressBytes) => void): (sent: number, total: number, bytesPerSecond?: number) => void {
  let lastEmit = -Infinity
  return (sent, total, bytesPerSecond) => {
    const at = now()
    if (at - lastEmit < throttleMs && sent !== total) return
    lastEmit = at
    emit({ uploaded: sent, uploadTotal: total, ...(bytesPerSecond !== undefined ? { bytesPerSecond } : {}) })
  }
}
