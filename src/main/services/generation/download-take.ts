import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Take, TakeFile } from '../../../shared/domain/project'
import { appError, type AppError } from '../../../shared/errors'
import { asAppError, type Job, type JobContext } from './job-context'
import { freshLink } from './fresh-link'
import { partialFileName, takeVideoFileName } from './take-naming'

/**
 * Size of a finished video on disk, or null when it is missing or empty. A link, FIFO or device standing at its name
 * is not missing: it counts as present (size 0) so that every reader refuses it by name, as the containment rule
 * says, rather than the take quietly turning into a download.
 */
export async function fileOnDisk(ctx: Pick<JobContext, 'session'>, file: TakeFile): Promise<number | null> {
  if (file.fileName === null) return null
  const info = await lstat(ctx.session.takeFilePath(file.fileName)).catch(() => null)
  if (info === null) return null
  if (!info.isFile()) return 0
  return info.size > 0 ? info.size : null
}

/** Could not reach the video server at all: whether that is the network or the server, MuleRouter is asked. */
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
    const result = await downloadOne(ctx, job, take, file, doneBytes)
    if (signal.aborted) return null
    if ('error' in result) {
      await ctx.journal.advance(take.id, (current) => ({ ...current, status: 'failed', error: result.error, finishedAt: new Date(ctx.clock.now()).toISOString() }))
      return null
    }
    doneBytes += result.bytes
    const { fileName } = result
    try {
      take = await ctx.journal.advance(take.id, (current) => ({
        ...current,
        error: null,
        files: current.files.map((entry) => (entry.index === file.index ? { ...entry, fileName, bytes: result.bytes } : entry)),
      }))
    } finally {
      ctx.reservedFileNames.delete(fileName)
    }
    if (take.status !== 'downloading') return null
  }
  return ctx.journal.advance(take.id, (current) => ({ ...current, status: 'completed', error: null, finishedAt: new Date(ctx.clock.now()).toISOString() }))
}

/**
 * A readable name not used by any take of the project, by a file already in `takes/` or by another download
 * in progress; reserved until the caller has journaled it.
 */
async function reserveName(ctx: JobContext, take: Take, file: TakeFile, partial: string): Promise<string> {
  // A video downloaded again (its file went missing) keeps the name the project already knows it by.
  if (file.fileName !== null) return file.fileName
  const project = ctx.session.project()
  const recorded = project.takes.flatMap((other) => other.files.flatMap((file) => (file.fileName === null ? [] : [file.fileName])))
  const onDisk = await readdir(path.dirname(partial)).catch(() => [])
  const name = takeVideoFileName(project, take, file.index, [...recorded, ...onDisk, ...ctx.reservedFileNames])
  ctx.reservedFileNames.add(name)
  return name
}

type Downloaded = { bytes: number; fileName: string } | { error: AppError }

async function downloadOne(ctx: JobContext, job: Job, take: Take, file: TakeFile, doneBytes: number): Promise<Downloaded> {
  const { signal } = job.controller
  const delays = ctx.timing.downloadRetryDelaysMs
  const partial = ctx.session.takeFilePath(partialFileName(take.id, file.index))
  let lastEmit = -Infinity
  const onProgress = ({ receivedBytes, totalBytes }: { receivedBytes: number; totalBytes: number | null }): void => {
    const now = ctx.clock.now()
    if (now - lastEmit < ctx.timing.progressThrottleMs && receivedBytes !== totalBytes) return
    lastEmit = now
    ctx.progress(take, { downloaded: doneBytes + receivedBytes, total: totalBytes === null ? null : doneBytes + totalBytes })
  }
  let url = file.url
  let attempt = 0
  let offlineWait = ctx.timing.firstPollMs
  for (;;) {
    await ctx.gate.whenOnline(signal)
    if (signal.aborted) return { error: stoppedError }
    // Named from the clip as it is when the attempt begins; the partial file is named after the take, so every
    // attempt resumes it whatever the clip is called by then.
    const fileName = await reserveName(ctx, take, file, partial)
    try {
      const { bytes } = await ctx.client().download(url, ctx.session.takeFilePath(fileName), { onProgress, signal, partialPath: partial })
      return { bytes, fileName }
    } catch (error) {
      ctx.reservedFileNames.delete(fileName)
      if (signal.aborted) return { error: stoppedError }
      const failure = asAppError(error, ctx.log)
      let delay: number | undefined
      if (unreachable(failure)) {
        const link = await freshLink(ctx, take, file.index, url)
        if (link.kind === 'fresh') {
          // Bounded too: presigned links change on every answer, and each new one may be as dead as the last.
          if (attempt++ >= delays.length) return { error: deadLink() }
          url = link.url
          await ctx.journal.advance(take.id, (current) => ({ ...current, files: current.files.map((entry) => (entry.index === file.index ? { ...entry, url } : entry)) }))
          continue
        }
        if (link.kind === 'gone') return { error: link.error }
        if (link.kind === 'same') {
          // MuleRouter answers but its link does not: not offline. A few tries, then the link counts as dead.
          delay = delays[attempt++]
          if (delay === undefined) return { error: deadLink() }
        } else {
          // Shown on the take while it waits, so a download that cannot start does not look merely slow.
          if (offlineWait === ctx.timing.firstPollMs) await ctx.journal.advance(take.id, (current) => ({ ...current, error: failure }))
          delay = offlineWait
          offlineWait = Math.min(ctx.timing.maxPollMs, Math.round(offlineWait * ctx.timing.pollBackoff))
        }
      } else {
        delay = worthRetrying(failure) ? delays[attempt++] : undefined
        if (delay === undefined) return { error: failure }
      }
      ctx.log(`take ${take.id}: download of video ${file.index + 1} failed (${failure.code}); trying again in ${delay} ms`)
      await ctx.gate.sleep(delay, signal)
    }
  }
}

const stoppedError = appError('internal', 'The download was stopped.', '')

const deadLink = () =>
  appError(
    'download_expired',
    'The video server for this result cannot be reached, although MuleRouter answers: the link has most likely expired.',
    'The take keeps its task id. Click Check again later, or generate the clip again.',
  )
