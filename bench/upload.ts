import { assetReaderFor, buildRequestBody, type RequestBody } from '../src/main/services/mulerouter/build-request'
import { createMuleRouterClient } from '../src/main/services/mulerouter/client'
import { uploadTimeLeftMs } from '../src/shared/domain/job-progress'
import { nineImageClip } from './fixtures/nine-image-clip'
import { startFakeServerProcess } from './lib/fake-server-process'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { round } from './lib/stats'
import { sampleTcpQueues, type QueueSample } from './lib/tcp-queues'

const FRACTIONS = [0.25, 0.5, 0.75] as const

type Tick = { at: number; sent: number; bytesPerSecond?: number }
type Upload = { label: string; outcome: string; taskId: string | null; total: number; start: number; end: number; ticks: Tick[]; queues: QueueSample[] | null }

/**
 * Two uploads at once, each to its own fake MuleRouter reading at a set rate (in a process of its own, as the real
 * one is elsewhere: checking a 60 MB body held the bench's event loop for seconds), with the app's default 60 s idle
 * timeout: the nine-image body (60 MB) at 0.5 MB/s (about two minutes; it must go through, which a fixed 60 s
 * timeout did not) and a clip of its first and last frame (13 MB) at 120 KB/s (under two minutes). Each progress
 * report is kept with its time, bytes and rate, to find the longest silence and the time left it showed.
 */
export async function benchUpload(log: (line: string) => void): Promise<Figure[]> {
  const fixture = await nineImageClip()
  try {
    const project = fixture.session.project()
    const clip = project.clips.find((c) => c.id === fixture.clipId)!
    const reader = assetReaderFor(fixture.session)
    const nine = await buildRequestBody(clip, project, reader, { imageEncoding: 'raw' })
    const two = await buildRequestBody({ ...clip, elementIds: [], prompt: 'The market at dawn, then at dusk.' }, project, reader, { imageEncoding: 'raw' })
    log('upload: sending 60 MB at 0.5 MB/s and 13 MB at 120 KB/s at once (about two minutes)…')
    const [slow, slower] = await Promise.all([upload('0.5 MB/s', nine.body, 500_000), upload('120 KB/s', two.body, 120_000)])
    const runs = [slow, slower]
    const gaps = runs.map(longestGap)
    const errors = runs.map(etaErrors)
    const completed = runs.every((run) => run.outcome === 'completed' && run.taskId !== null)
    const worstError = errors.every((e) => e.every((point) => point.errorPercent !== null)) ? Math.max(...errors.flat().map((point) => Math.abs(point.errorPercent!))) : null
    const perRun = (i: number) => ({ outcome: runs[i]!.outcome, taskId: runs[i]!.taskId, bodyMb: mb(runs[i]!.total), seconds: round((runs[i]!.end - runs[i]!.start) / 1000), progressEvents: runs[i]!.ticks.length })
    return [
      figure(
        {
          id: 'upload.slow',
          area: 'upload',
          goal: goalOf('upload.slow'),
          measured: slow.outcome === 'completed' && slow.taskId !== null ? round(gaps[0]!.ms) : null,
          unit: 'ms longest gap between progress events',
          method: 'client.submit of the nine-image body to the fake MuleRouter reading at 0.5 MB/s, 60 s idle timeout; it must complete with a task (the client POSTs once); the figure is the longest gap between progress reports from the submit call to its answer',
          details: { ...perRun(0), longestGap: gaps[0], ...(slow.queues ? { kernelQueues: kernelQueues(slow.queues) } : {}) },
          ...(slow.outcome === 'completed' ? {} : { note: `the upload did not complete: ${slow.outcome}` }),
        },
        { max: 1000 },
      ),
      figure(
        {
          id: 'upload.progressGap',
          area: 'upload',
          goal: goalOf('upload.progressGap'),
          measured: completed ? round(Math.max(...gaps.map((gap) => gap.ms))) : null,
          unit: 'ms longest gap between progress events',
          method: 'the longest gap between upload progress reports, from the submit call to its answer (the first gap is from the call to the first report), over both uploads: 60 MB at 0.5 MB/s and 13 MB at 120 KB/s',
          details: Object.fromEntries(runs.map((run, i) => [run.label, { ...perRun(i), longestGap: gaps[i] }])),
        },
        { max: 1000 },
      ),
      figure(
        {
          id: 'upload.etaError',
          area: 'upload',
          goal: goalOf('upload.etaError'),
          measured: completed && worstError !== null ? round(worstError) : null,
          unit: '% largest error of the time left',
          method: 'at the first progress report showing 25, 50 and 75 % of the body sent, the time left the app shows (uploadTimeLeftMs: bytes left ÷ the reported rate) against the real time from that report to the answer; the largest error over both uploads',
          details: Object.fromEntries(runs.map((run, i) => [run.label, errors[i]])),
        },
        { max: 20 },
      ),
    ]
  } finally {
    await fixture.dispose()
  }
}

async function upload(label: string, body: RequestBody, bytesPerSecond: number): Promise<Upload> {
  const fake = await startFakeServerProcess({ pendingMs: 60_000, processingMs: 60_000, throttleUploadBytesPerSecond: bytesPerSecond })
  try {
    const client = createMuleRouterClient({ baseUrl: fake.url, apiKey: () => fake.key, timeoutMs: 60_000, idleTimeoutMs: 60_000, userAgent: 'Omniboard/bench' })
    const ticks: Tick[] = []
    const queues = sampleTcpQueues(Number(new URL(fake.url).port), 100)
    let total = 0
    let outcome = 'completed'
    let taskId: string | null = null
    const start = performance.now()
    try {
      const result = await client.submit(body, {
        onUploadProgress: (sent, bodyBytes, rate) => {
          total = bodyBytes
          ticks.push({ at: performance.now(), sent, ...(rate === undefined ? {} : { bytesPerSecond: rate }) })
        },
      })
      taskId = result.taskId
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error)
    }
    const end = performance.now()
    return { label, outcome, taskId, total, start, end, ticks, queues: queues?.stop() ?? null }
  } finally {
    await fake.close()
  }
}

/** The longest silence from the call to the answer, where it fell, and how far the upload had got then. */
function longestGap(run: Upload) {
  const stamps = [run.start, ...run.ticks.map((tick) => tick.at), run.end]
  let ms = 0
  let index = 0
  for (let i = 1; i < stamps.length; i++) {
    if (stamps[i]! - stamps[i - 1]! > ms) [ms, index] = [stamps[i]! - stamps[i - 1]!, i]
  }
  return { ms: round(ms), fromSecond: round((stamps[index - 1]! - run.start) / 1000), sentMbAtStart: mb(run.ticks[index - 2]?.sent ?? 0), lastReportToAnswerMs: round(run.end - (run.ticks.at(-1)?.at ?? run.start)) }
}

function etaErrors(run: Upload) {
  return FRACTIONS.map((fraction) => {
    const tick = run.ticks.find((t) => t.sent >= fraction * run.total)
    if (tick === undefined) return { fraction, errorPercent: null }
    const shown = uploadTimeLeftMs({ uploadedBytes: tick.sent, uploadTotalBytes: run.total, ...(tick.bytesPerSecond === undefined ? {} : { uploadBytesPerSecond: tick.bytesPerSecond }) })
    const real = run.end - tick.at
    return { fraction, atSecond: round((tick.at - run.start) / 1000), shownSeconds: shown === null ? null : round(shown / 1000), realSeconds: round(real / 1000), errorPercent: shown === null ? null : round(((shown - real) / real) * 100) }
  })
}

const mb = (bytes: number): number => round(bytes / 1e6)

/** What the OS held while the 0.5 MB/s upload went: what the app cannot see, and the estimate works around. */
function kernelQueues(samples: QueueSample[]) {
  return { clientUnsentMaxMb: mb(Math.max(0, ...samples.map((s) => s.clientUnsentBytes))), serverUnreadMaxMb: mb(Math.max(0, ...samples.map((s) => s.serverUnreadBytes))) }
}
