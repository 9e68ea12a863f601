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
 * The upload rate is taken over this window: the OS takes bytes in bursts a few seconds apart on a slow link,
 * and a shorter window would make the figure jump. No rate is given until a second has been seen.
 */
const RATE_WINDOW_MS = 5_000
const MIN_RATE_SPAN_MS = 1_000

/**
 * Turns the client's per-chunk upload callbacks into at most one progress event per `throttleMs` (and always the
 * last one), each with the rate over the last few seconds.
 */
export function uploadMeter(now: () => number, throttleMs: number, emit: (bytes: ProgressBytes) => void): (sent: number, total: number) => void {
  const samples: { at: number; sent: number }[] = [{ at: now(), sent: 0 }]
  let lastEmit = -Infinity
  return (sent, total) => {
    const at = now()
    samples.push({ at, sent })
    while (samples.length > 2 && at - samples[1]!.at >= RATE_WINDOW_MS) samples.shift()
    if (at - lastEmit < throttleMs && sent !== total) return
    lastEmit = at
    const first = samples[0]!
    const seconds = (at - first.at) / 1000
    emit({ uploaded: sent, uploadTotal: total, ...(seconds * 1000 >= MIN_RATE_SPAN_MS ? { bytesPerSecond: (sent - first.sent) / seconds } : {}) })
  }
}
