import { readFile } from 'node:fs/promises'
import { assetReaderFor, buildRequestBody, type ImageEncoding, type ReadAsset } from '../src/main/services/mulerouter/build-request'
import { serializeJsonBody } from '../src/main/services/mulerouter/serialize-body'
import { validateClip } from '../src/shared/domain/validate-clip'
import { nineImageClip } from './fixtures/nine-image-clip'
import { collectGarbage } from './lib/gc'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { trackStalls } from './lib/stall-tracker'
import { median, round } from './lib/stats'

const ROUNDS = 7

/**
 * Diagnosis, not a goal: serialize-body.ts tests each image string against this pattern in 1 MiB slices before
 * copying it. A copy of its pattern, timed over the same base64, shows how much of the serialize time it is.
 */
const JSON_SAFE_ASCII_COPY = /^[A-Za-z0-9+/=:;,.-]*$/
function timeJsonSafeCheck(strings: string[]): number {
  const start = performance.now()
  for (const text of strings) {
    for (let at = 0; at < text.length; at += 1024 * 1024) JSON_SAFE_ASCII_COPY.test(text.slice(at, at + 1024 * 1024))
  }
  return performance.now() - start
}

/** The same stall measure over a window in which this process does nothing: what the machine alone costs. */
async function idleStallMs(windowMs: number): Promise<number> {
  const stalls = trackStalls()
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  return stalls.stop().histogramMaxMs
}

function timeSync(work: () => unknown): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

/**
 * Building and serializing the body of a clip with nine ~5 MB images, as the client does before it POSTs,
 * against the bare `Buffer.toString('base64')` of the same bytes, in alternating rounds of one run.
 */
export async function benchEncode(log: (line: string) => void): Promise<Figure[]> {
  log('encode: writing nine ~5 MB noise images and importing them…')
  const fixture = await nineImageClip()
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
    // Both sides start from bytes in memory, so the ratio is about encoding, not the disk cache.
    const fromMemory: ReadAsset = async (id) => bytes.get(id)!

    const bare = (): number => {
      const start = performance.now()
      const encoded = [...bytes.values()].map((b) => b.toString('base64'))
      const ms = performance.now() - start
      if (encoded.length !== bytes.size) throw new Error('unreachable')
      return ms
    }
    const app = async (readAsset: ReadAsset, imageEncoding: ImageEncoding = 'raw') => {
      const buildStalls = trackStalls()
      const start = performance.now()
      const built = await buildRequestBody(clip, project, readAsset, { imageEncoding })
      const builtMs = performance.now() - start
      const build = buildStalls.stop()
      const serializeStalls = trackStalls()
      const body = await serializeJsonBody(built.body)
      const ms = performance.now() - start
      const serialize = serializeStalls.stop()
      return {
        ms,
        builtMs,
        bodyBytes: body.byteLength,
        buildStallMs: build.histogramMaxMs,
        serializeStallMs: serialize.histogramMaxMs,
        histogramMaxMs: Math.max(build.histogramMaxMs, serialize.histogramMaxMs),
        intervalMaxGapMs: Math.max(build.intervalMaxGapMs, serialize.intervalMaxGapMs),
      }
    }

    log(`encode: ${ROUNDS} alternating rounds over ${(totalBytes / 1e6).toFixed(1)} MB of images…`)
    await app(fromMemory)
    bare()
    const bareMs: number[] = []
    const idleStalls: number[] = []
    const appRuns: Awaited<ReturnType<typeof app>>[] = []
    for (let round = 0; round < ROUNDS; round++) {
      collectGarbage()
      bareMs.push(bare())
      collectGarbage()
      appRuns.push(await app(fromMemory))
      idleStalls.push(await idleStallMs(appRuns.at(-1)!.ms))
    }
    collectGarbage()
    const fromDisk = await app(assetReaderFor((id) => fixture.session.assetPath(id)))
    collectGarbage()
    const dataUri = await app(fromMemory, 'dataUri')
    // Bare base64 is one synchronous call per image: its longest stall is simply its longest image.
    const bareStallMs = Math.max(...[...bytes.values()].map((b) => timeSync(() => b.toString('base64'))))

    const asciiCheckMs = timeJsonSafeCheck([...bytes.values()].map((b) => b.toString('base64')))
    const appMs = median(appRuns.map((r) => r.ms))
    const ratio = appMs / median(bareMs)
    const stallMs = Math.max(...appRuns.map((r) => r.histogramMaxMs), fromDisk.histogramMaxMs)
    const gapMs = Math.max(...appRuns.map((r) => r.intervalMaxGapMs), fromDisk.intervalMaxGapMs)
    const details = {
      images: bytes.size,
      imageBytes: totalBytes,
      bodyBytes: appRuns[0]!.bodyBytes,
      rounds: ROUNDS,
      bareBase64MedianMs: round(median(bareMs)),
      buildAndSerializeMedianMs: round(appMs),
      buildOnlyMedianMs: round(median(appRuns.map((r) => r.builtMs))),
      buildOnlyRatio: round(median(appRuns.map((r) => r.builtMs)) / median(bareMs)),
      serializeOnlyMedianMs: round(median(appRuns.map((r) => r.ms - r.builtMs))),
      serializeAsciiCheckMs: round(asciiCheckMs),
      withDiskReadsMs: round(fromDisk.ms),
      dataUriEncodingMs: round(dataUri.ms),
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
            'median over alternating rounds of buildRequestBody + serializeJsonBody (the client path) for a clip with nine ~5 MB PNG/JPEG images, ' +
            'divided by the median of Buffer.toString("base64") of the same bytes; both read from memory',
          details,
        },
        { max: 1.3 },
      ),
      figure(
        {
          id: 'encode.stall',
          area: 'encode',
          goal: goalOf('encode.stall'),
          measured: round(stallMs, 1),
          unit: 'ms',
          method: 'max of perf_hooks.monitorEventLoopDelay (1 ms resolution) over every build + serialize round, disk reads included',
          details: {
            idleWindowStallMaxMs: round(Math.max(...idleStalls), 1),
            perRoundStallMs: appRuns.map((r) => round(r.histogramMaxMs, 1)),
            intervalTrackerMaxGapMs: round(gapMs, 1),
            buildStallMaxMs: round(Math.max(...appRuns.map((r) => r.buildStallMs)), 1),
            serializeStallMaxMs: round(Math.max(...appRuns.map((r) => r.serializeStallMs)), 1),
            serializeStallMedianMs: round(median(appRuns.map((r) => r.serializeStallMs)), 1),
            bareBase64OneImageStallMs: round(bareStallMs, 1),
          },
        },
        { max: 50 },
      ),
    ]
  } finally {
    await fixture.dispose()
  }
}
