import type { Take } from '../shared/domain/project'
import { megabytes, sizeOfTotal } from '../shared/byte-size'
import { describeUpload, type JobProgress } from '../shared/domain/job-progress'

/** Between status changes, a reminder line this often so a long render does not look stuck. */
const HEARTBEAT_MS = 15_000
const TRANSFER_LINE_MS = 2_000

export const formatDuration = (ms: number): string => {
  const seconds = Math.max(0, Math.round(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** Turns engine events for the takes the CLI follows into terminal lines: one per status, plus heartbeats. */
export function createProgressPrinter(labelOf: (takeId: string) => string | null, print: (line: string) => void, now: () => number = Date.now) {
  const last = new Map<string, { status: string; at: number; error: string | null }>()

  function line(takeId: string, status: string, text: string, error: string | null = null): void {
    const label = labelOf(takeId)
    if (label === null) return
    last.set(takeId, { status, at: now(), error })
    print(`${label}: ${text}`)
  }

  return {
    takeUpdated(take: Take): void {
      const before = last.get(take.id)
      const error = take.error && take.status !== 'failed' && take.status !== 'submit_unknown' ? take.error.message : null
      if (before?.status === take.status && before.error === error) return
      const suffix = error ? ` (${error} Still trying.)` : ''
      line(take.id, take.status, `${take.status}${take.taskId ? ` · task ${take.taskId}` : ''}${suffix}`, error)
    },
    progress(progress: JobProgress): void {
      const before = last.get(progress.takeId)
      const upload = describeUpload(progress)
      const gap = progress.status === 'downloading' || upload !== null ? TRANSFER_LINE_MS : HEARTBEAT_MS
      if (before === undefined || before.status !== progress.status || now() - before.at < gap) return
      if (upload !== null) return line(progress.takeId, progress.status, upload, before.error)
      const parts = [progress.status, `${formatDuration(progress.elapsedMs)} elapsed`]
      if (progress.estimatedRemainingMs !== null) parts.push(`about ${formatDuration(progress.estimatedRemainingMs)} left`)
      if (progress.downloadedBytes !== null) {
        parts.push(progress.totalBytes ? sizeOfTotal(progress.downloadedBytes, progress.totalBytes) : megabytes(progress.downloadedBytes))
      }
      line(progress.takeId, progress.status, parts.join(' · '), before.error)
    },
  }
}
