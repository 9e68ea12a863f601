import { startFakeMuleRouter } from '../src/fake-mulerouter'
import { assetReaderFor, buildRequestBody } from '../src/main/services/mulerouter/build-request'
import { createMuleRouterClient } from '../src/main/services/mulerouter/client'
import { nineImageClip } from './fixtures/nine-image-clip'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { round } from './lib/stats'
import { sampleTcpQueues, type QueueSample } from './lib/tcp-queues'

const BYTES_PER_SECOND = 500_000
const KEY = 'sk-bench-upload'

/**
 * The nine-image body (60 MB) POSTed to the fake MuleRouter reading it at 0.5 MB/s, with the app's default
 * 60 s idle timeout: it must go through (the old fixed 60 s timeout cut it off) with progress all along.
 */
export async function benchUpload(log: (line: string) => void): Promise<Figure[]> {
  const fixture = await nineImageClip()
  const fake = await startFakeMuleRouter({ keys: [KEY] })
  try {
    const project = fixture.session.project()
    const clip = project.clips.find((c) => c.id === fixture.clipId)!
    const built = await buildRequestBody(clip, project, assetReaderFor(fixture.session), { imageEncoding: 'raw' })
    const client = createMuleRouterClient({ baseUrl: fake.url, apiKey: () => KEY, timeoutMs: 60_000, idleTimeoutMs: 60_000, userAgent: 'Omniboard/bench' })
    fake.setFault('submit', { kind: 'throttleUpload', bytesPerSecond: BYTES_PER_SECOND })
    log(`upload: sending the 60 MB body at ${BYTES_PER_SECOND / 1e6} MB/s (about two minutes)…`)
    const stamps: number[] = []
    const queues = sampleTcpQueues(Number(new URL(fake.url).port), 100)
    const start = performance.now()
    let total = 0
    let outcome = 'completed'
    try {
      await client.submit(built.body, {
        onUploadProgress: (_sent, bodyBytes) => {
          total = bodyBytes
          stamps.push(performance.now())
        },
      })
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error)
    }
    const end = performance.now()
    const queueSamples = queues?.stop() ?? null
    const gaps = [stamps[0]! - start, ...stamps.slice(1).map((at, i) => at - stamps[i]!)]
    const maxGap = Math.max(...gaps)
    const gapIndex = gaps.indexOf(maxGap)
    const gapStart = gapIndex === 0 ? start : stamps[gapIndex - 1]!
    const created = fake.createdTaskIds().length
    return [
      figure(
        {
          id: 'upload.slow',
          area: 'upload',
          goal: goalOf('upload.slow'),
          measured: outcome === 'completed' && created === 1 ? round(maxGap) : null,
          unit: 'ms longest gap between progress events',
          method:
            'client.submit of the nine-image body to the fake MuleRouter reading at 0.5 MB/s, 60 s idle timeout; longest gap between upload progress ' +
            'callbacks (bytes handed to the OS) from the start to the last body byte written',
          details: {
            outcome,
            tasksCreated: created,
            bodyMb: round(total / 1e6),
            seconds: round((end - start) / 1000),
            progressEvents: stamps.length,
            // The last few MB sit in the socket buffers when the last byte is handed over; no event is possible while they drain.
            lastProgressToAnswerSeconds: round((end - stamps.at(-1)!) / 1000),
            // Why the gaps: the bytes the kernel held while no write callback could fire (see below).
            ...(queueSamples ? { kernelQueues: kernelQueues(queueSamples, gapStart, gapStart + maxGap) } : {}),
          },
          ...(outcome === 'completed' ? {} : { note: `the upload did not complete: ${outcome}` }),
        },
        { max: 1000 },
      ),
    ]
  } finally {
    await fake.close()
    await fixture.dispose()
  }
}

const mb = (bytes: number): number => round(bytes / 1e6)

/**
 * The kernel's side of the longest gap: what the sending socket held unsent when it began and ended (Linux wakes a
 * writer blocked on a full socket only once a third of its buffer is free), and the largest queues of the run.
 */
function kernelQueues(samples: QueueSample[], from: number, to: number) {
  const inGap = samples.filter((s) => s.at >= from && s.at <= to)
  return {
    clientUnsentMaxMb: mb(Math.max(0, ...samples.map((s) => s.clientUnsentBytes))),
    serverUnreadMaxMb: mb(Math.max(0, ...samples.map((s) => s.serverUnreadBytes))),
    longestGapClientUnsentMb: inGap.length === 0 ? null : { atStart: mb(inGap[0]!.clientUnsentBytes), atEnd: mb(inGap.at(-1)!.clientUnsentBytes) },
  }
}
