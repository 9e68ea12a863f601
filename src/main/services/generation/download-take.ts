import { stat } from 'node:fs/promises'
import type { Take, TakeFile } from '../../../shared/domain/project'
import type { AppError } from '../../../shared/errors'
import { asAppError, type Job, type JobContext } from './job-context'
import { takeFileName } from './take-naming'

/** Size of a finished video on disk, or null when it is missing. */
export async function fileOnDisk(ctx: Pick<JobContext, 'session'>, file: TakeFile): Promise<number | null> {
  if (file.fileName === null) return null
  try {
    const info = await stat(ctx.session.takeFilePath(file.fileName))
    return info.isFile() && info.size > 0 ? info.size : null
  } catch {
    return null
  }
}

/** Could not reach the video server at all: waiting costs nothing, so it never gives up (until the link expires). */
const unreachable = (error: AppError): boolean => error.code === 'network_offline'
/** Reached it but the transfer kept failing: a few more tries, then the take says so and offers a retry. */
const worthRetrying = (error: AppError): boolean => error.code === 'download_failed' || error.code === 'api_timeout'

/**
 * Downloads every result video the take does not yet have on disk, one after another, then marks the take
 * completed. An expired link fails the take with `download_expired` but keeps the task id and URLs.
 */
export async function downloadTake(ctx: JobContext, job: Job, start: Take): Promise<Take | null> {
  const { signal } = job.controller
  let take = start
  let doneBytes = 0
  for (const file of start.files) {
    const present = await fileOnDisk(ctx, file)
    if (present !== null) {
      doneBytes += present
      continue
    }
    const fileName = takeFileName(take.id, file.index)
    const result = await downloadOne(ctx, job, take, file.url, fileName, doneBytes)
    if (signal.aborted) return null
    if ('error' in result) {
      await ctx.journal.advance(take.id, (current) => ({ ...current, status: 'failed', error: result.error, finishedAt: new Date(ctx.clock.now()).toISOString() }))
      return null
    }
    doneBytes += result.bytes
    take = await ctx.journal.advance(take.id, (current) => ({
      ...current,
      error: null,
      files: current.files.map((entry) => (entry.index === file.index ? { ...entry, fileName, bytes: result.bytes } : entry)),
    }))
    if (take.status !== 'downloading') return null
  }
  return ctx.journal.advance(take.id, (current) => ({ ...current, status: 'completed', error: null, finishedAt: new Date(ctx.clock.now()).toISOString() }))
}

async function downloadOne(ctx: JobContext, job: Job, take: Take, url: string, fileName: string, doneBytes: number): Promise<{ bytes: number } | { error: AppError }> {
  const { signal } = job.controller
  const delays = ctx.timing.downloadRetryDelaysMs
  let lastEmit = -Infinity
  const onProgress = ({ receivedBytes, totalBytes }: { receivedBytes: number; totalBytes: number | null }): void => {
    const now = ctx.clock.now()
    if (now - lastEmit < ctx.timing.progressThrottleMs && receivedBytes !== totalBytes) return
    lastEmit = now
    ctx.progress(take, { downloaded: doneBytes + receivedBytes, total: totalBytes === null ? null : doneBytes + totalBytes })
  }
  let attempt = 0
  let offlineWait = ctx.timing.firstPollMs
  for (;;) {
    await ctx.gate.whenOnline(signal)
    if (signal.aborted) return { bytes: 0 }
    try {
      const { bytes } = await ctx.client().download(url, ctx.session.takeFilePath(fileName), { onProgress, signal })
      return { bytes }
    } catch (error) {
      if (signal.aborted) return { bytes: 0 }
      const failure = asAppError(error, ctx.log)
      let delay: number | undefined
      if (unreachable(failure)) {
        // Shown on the take while it waits, so a download that cannot start does not look merely slow.
        if (offlineWait === ctx.timing.firstPollMs) await ctx.journal.advance(take.id, (current) => ({ ...current, error: failure }))
        delay = offlineWait
        offlineWait = Math.min(ctx.timing.maxPollMs, Math.round(offlineWait * ctx.timing.pollBackoff))
      } else {
        delay = worthRetrying(failure) ? delays[attempt++] : undefined
        if (delay === undefined) return { error: failure }
      }
      ctx.log(`take ${take.id}: download of ${fileName} failed (${failure.code}); trying again in ${delay} ms`)
      await ctx.gate.sleep(delay, signal)
    }
  }
}
