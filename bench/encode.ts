import { readFile } from 'node:fs/promises'
import { assetReaderFor, buildRequestBody, type AssetReader, type ImageEncoding } from '../src/main/services/mulerouter/build-request'
import { createMuleRouterClient } from '../src/main/services/mulerouter/client'
import { planBody } from '../src/main/services/mulerouter/request-body'
import { CHUNK_BYTES, WRITE_BYTES } from '../src/main/services/mulerouter/stream-body'
import { validateClip } from '../src/shared/domain/validate-clip'
import { nineImageClip } from './fixtures/nine-image-clip'
import { startDiscardServer } from './lib/discard-server'
import { sendEncoded } from './lib/send-encoded'
import { collectGarbage } from './lib/gc'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { trackStalls } from './lib/stall-tracker'
import { median, round } from './lib/stats'

const ROUNDS = 7

/** The highest RSS seen while `work` runs, sampled every 2 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2)
  try {
    const result = await work()
    return { result, peak: Math.max(peak, process.memoryUsage.rss()) }
  } finally {
    clearInterval(sampler)
  }
}

/**
 * Building a clip with nine ~5 MB images and streaming its body to a loopback server that discards it, as the
 * client submits it, against the bare `Buffer.toString('base64')` of the same bytes, in alternating rounds.
 */
export async function benchEncode(log: (line: string) => void): Promise<Figure[]> {
  log('encode: writing nine ~5 MB noise images and importing them…')
  const fixture = await nineImageClip()
  const server = await startDiscardServer()
  try {
    const project = fixture.session.project()
    const clip = project.clips.find((c) => c.id === fixture.clipId)!
    const errors = validateClip(clip, project).filter((issue) => issue.severity === 'error')
    if (errors.length > 0) throw new Error(`the encode clip is not valid: ${errors.map((e) => e.message).join('; ')}`)
    const elementImages = project.elements.flatMap((e) => [e.frontalAssetId!, ...e.referenceAssetIds])
    const assetIds = [...new Set([clip.firstFrameAssetId!, clip.lastFrameAssetId!, ...elementImages])]
    const bytes = new Map<string, Buffer>()
    for (const id of assetIds) bytes.set(id, await readFile(fixture.session.assetPath(id)))
    const totalBytes = [...bytes.values()].reduce((sum, b) => sum + b.byteLength, 0)
    // Both sides start from bytes in memory, so the ratio is about encoding and sending, not the disk cache.
    const fromMemory: AssetReader = {
      size: async (id) => bytes.get(id)!.byteLength,
      chunks: async function* (id, chunkBytes) {
        const all = bytes.get(id)!
        for (let start = 0; start < all.byteLength; start += chunkBytes) yield all.subarray(start, start + chunkBytes)
      },
    }
    const fromDisk = assetReaderFor(fixture.session)
    const client = createMuleRouterClient({ baseUrl: server.url, apiKey: () => 'sk-bench', timeoutMs: 60_000, userAgent: 'Omniboard/bench' })

    const bare = (): number => {
      const start = performance.now()
      const encoded = [...bytes.values()].map((b) => b.toString('base64'))
      const ms = performance.now() - start
      if (encoded.length !== bytes.size) throw new Error('unreachable')
      return ms
    }
    const app = async (reader: AssetReader, imageEncoding: ImageEncoding = 'raw') => {
      const stalls = trackStalls()
      const start = performance.timeOrigin + performance.now()
      const built = await buildRequestBody(clip, project, reader, { imageEncoding })
      const builtMs = performance.timeOrigin + performance.now() - start
      await client.submit(built.body)
      const stall = stalls.stop()
      const { lastByteAt, bytes: received } = await server.last()
      const contentLength = planBody(built.body).contentLength
      if (received !== contentLength) throw new Error(`the server got ${received} bytes of ${contentLength}`)
      return { ms: lastByteAt - start, builtMs, bodyBytes: received, ...stall }
    }

    // The floor under any client: the body already encoded in memory, written as the client writes it (pieces of
    // a base64 chunk's length, in writes of WRITE_BYTES), to the same server. Building it once is not timed.
    const encodedBody = Buffer.from(JSON.stringify({ images: [...bytes.values()].map((b) => b.toString('base64')) }))
    const transport = async () => {
      const start = performance.timeOrigin + performance.now()
      await sendEncoded(`${server.url}/floor`, encodedBody, (CHUNK_BYTES / 3) * 4, WRITE_BYTES)
      const { lastByteAt } = await server.last()
      return lastByteAt - start
    }

    log(`encode: ${ROUNDS} alternating rounds over ${(totalBytes / 1e6).toFixed(1)} MB of images…`)
    await app(fromMemory)
    bare()
    await transport()
    const bareMs: number[] = []
    const floorMs: number[] = []
    const appRuns: Awaited<ReturnType<typeof app>>[] = []
    for (let round = 0; round < ROUNDS; round++) {
      collectGarbage()
      bareMs.push(bare())
      collectGarbage()
      appRuns.push(await app(fromMemory))
      collectGarbage()
      floorMs.push(await transport())
    }
    collectGarbage()
    const rssBefore = process.memoryUsage.rss()
    const { result: diskRun, peak } = await peakRss(() => app(fromDisk))
    const rssRatio = (peak - rssBefore) / diskRun.bodyBytes
    collectGarbage()
    const dataUri = await app(fromMemory, 'dataUri')

    const appMs = median(appRuns.map((r) => r.ms))
    const ratio = appMs / median(bareMs)
    const stallMs = Math.max(...appRuns.map((r) => r.histogramMaxMs), diskRun.histogramMaxMs)
    const details = {
      images: bytes.size,
      imageBytes: totalBytes,
      bodyBytes: appRuns[0]!.bodyBytes,
      rounds: ROUNDS,
      bareBase64MedianMs: round(median(bareMs)),
      buildAndStreamMedianMs: round(appMs),
      buildOnlyMedianMs: round(median(appRuns.map((r) => r.builtMs))),
      // Sending the same bytes already encoded: what the loopback socket and the reading thread cost alone.
      transportOnlyMedianMs: round(median(floorMs)),
      transportOnlyRatio: round(median(floorMs) / median(bareMs)),
      transportBytes: encodedBody.byteLength,
      // What building and encoding add on top of that floor, against bare base64.
      aboveTransportRatio: round((appMs - median(floorMs)) / median(bareMs)),
      fromDiskMs: round(diskRun.ms),
      dataUriMs: round(dataUri.ms),
    }
    return [
      figure(
        {
          id: 'encode.ratio',
          area: 'encode',
          goal: goalOf('encode.ratio'),
          measured: round(ratio),
          unit: '×',
          method:
            'median over alternating rounds of buildRequestBody + client.submit streaming the body of a clip with nine ~5 MB images to a loopback ' +
            'server that discards it (start → last body byte received), divided by the median of Buffer.toString("base64") of the same bytes; both from memory',
          details,
        },
        { max: 1.3 },
      ),
      figure(
        {
          id: 'encode.rss',
          area: 'encode',
          goal: goalOf('encode.rss'),
          measured: round(rssRatio),
          unit: '× body',
          method: 'peak RSS (sampled every 2 ms) during one build + submit reading the images from disk, minus RSS just before (after a GC), ÷ body size',
          details: { rssBeforeMb: round(rssBefore / 1e6), peakMb: round(peak / 1e6), growthMb: round((peak - rssBefore) / 1e6), bodyMb: round(diskRun.bodyBytes / 1e6) },
        },
        { max: 0.5 },
      ),
      figure(
        {
          id: 'encode.stall',
          area: 'encode',
          goal: goalOf('encode.stall'),
          measured: round(stallMs, 1),
          unit: 'ms',
          method: 'max of perf_hooks.monitorEventLoopDelay (1 ms resolution) over every build + submit round, disk reads included',
          details: {
            perRoundStallMs: appRuns.map((r) => round(r.histogramMaxMs, 1)),
            intervalTrackerMaxGapMs: round(Math.max(...appRuns.map((r) => r.intervalMaxGapMs), diskRun.intervalMaxGapMs), 1),
          },
        },
        { max: 20 },
      ),
    ]
  } finally {
    await server.close()
    await fixture.dispose()
  }
}
