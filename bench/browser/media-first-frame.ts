import { writeMediaStoryboard } from '../fixtures/big-take'
import { goalOf } from '../lib/goals'
import { figure, type Figure } from '../lib/report'
import { round } from '../lib/stats'
import { heapUsedBytes, openBenchPage, probe } from './bench-page'
import { openFromWelcome } from './open-timeline'

type Shown = { clickAt: number; insertedAt: number; metadataAt: number | null; loadedAt: number; frameAt: number }
type Seek = { ms: number; target: number; currentTime: number; duration: number; readyState: number } | null
type BareVideo = { metadataMs: number; loadedMs: number; frameMs: number } | null
type Served = { url: string; range: string | null; status: number | null; bytes: number }

const MB = 1e6
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `media.firstFrame`: clip 1 has a 1 s take (chosen, so the player opens on it) and a 50 MB one; the Play button on
 * the 50 MB take's row → its first frame composited, timed in the page. Beside it: the renderer heap (after a GC)
 * before and after, and the bytes the media handler served for that take (CDP network events: every request
 * with its Range header and status) up to the first frame and after a seek to the middle.
 */
export async function benchFirstFrame(log: (line: string) => void): Promise<Figure> {
  log('browser: a 50 MB take (the first run encodes it with the bundled ffmpeg, about a minute)…')
  const storyboard = await writeMediaStoryboard()
  const bench = await openBenchPage(storyboard)
  try {
    const { page, cdp } = bench
    await openFromWelcome(bench, storyboard)
    const fragment = `take/${storyboard.bigTakeId}/`
    const served = new Map<string, Served>()
    await cdp.send('Network.enable')
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.includes(fragment)) served.set(event.requestId, { url: event.request.url, range: event.request.headers.Range ?? event.request.headers.range ?? null, status: null, bytes: 0 })
    })
    cdp.on('Network.responseReceived', (event) => {
      const entry = served.get(event.requestId)
      if (entry) entry.status = event.response.status
    })
    cdp.on('Network.dataReceived', (event) => {
      const entry = served.get(event.requestId)
      if (entry) entry.bytes += event.dataLength
    })
    const row = page.getByRole('listitem', { name: 'Take 1', exact: true })
    await row.waitFor()
    await page.waitForTimeout(500)
    await cdp.send('HeapProfiler.collectGarbage')
    const heapBefore = await heapUsedBytes(cdp)

    const shown = probe<Shown>(page, `whenVideoShows(${JSON.stringify(fragment)})`)
    await row.getByRole('button', { name: 'Play', exact: true }).click()
    const times = await Promise.race([shown, sleep(20_000).then(() => Promise.reject(new Error('the take’s first frame did not show within 20 s')))])
    const bytesAtFirstFrame = sum(served)
    await cdp.send('HeapProfiler.collectGarbage')
    const heapAfter = await heapUsedBytes(cdp)

    const seek = await Promise.race([probe<Seek>(page, `seekVideoToMiddle(${JSON.stringify(fragment)})`), sleep(20_000).then(() => null)])
    await page.waitForTimeout(300)
    const bytesAfterSeek = sum(served)
    const bare = await Promise.race([probe<BareVideo>(page, `bareVideoFirstFrame(${JSON.stringify(fragment)})`), sleep(20_000).then(() => null)])
    const requests = [...served.values()]
    const heapGrowth = heapAfter - heapBefore
    const seekWorked = seek !== null && Math.abs(seek.currentTime - seek.target) < 1 && seek.readyState >= 2
    const heapOk = heapGrowth < storyboard.bigTakeBytes * 0.1
    const partial = bytesAfterSeek < storyboard.bigTakeBytes * 0.5
    const result = figure(
      {
        id: 'media.firstFrame',
        area: 'media',
        goal: goalOf('media.firstFrame'),
        measured: round(times.frameAt - times.clickAt, 0),
        unit: 'ms',
        method:
          'in the page: click on Play in the 50 MB take’s row → requestVideoFrameCallback of the new <video> (its first frame composited); ' +
          'renderer JSHeapUsedSize after a GC before and after; bytes served for the take counted from CDP network events',
        details: {
          videoMB: round(storyboard.bigTakeBytes / MB, 1),
          videoSeconds: storyboard.bigTakeSeconds,
          clickToVideoInDomMs: round(times.insertedAt - times.clickAt, 0),
          clickToMetadataMs: times.metadataAt === null ? null : round(times.metadataAt - times.clickAt, 0),
          clickToLoadedDataMs: round(times.loadedAt - times.clickAt, 0),
          heapGrowthMB: round(heapGrowth / MB, 2),
          heapGrowthShareOfVideo: round(heapGrowth / storyboard.bigTakeBytes, 3),
          servedMBToFirstFrame: round(bytesAtFirstFrame / MB, 2),
          seekToMiddle: seek && { ms: round(seek.ms, 0), targetSeconds: round(seek.target, 1), landedSeconds: round(seek.currentTime, 2) },
          servedMBAfterSeek: round(bytesAfterSeek / MB, 2),
          servedShareOfFileAfterSeek: round(bytesAfterSeek / storyboard.bigTakeBytes, 3),
          // The same take in a bare <video> added to the page afterwards (its own URL, so nothing cached): Chromium,
          // the loopback fetch and the media handler without the editor.
          bareVideo: bare && { clickToMetadataMs: round(bare.metadataMs, 0), clickToLoadedDataMs: round(bare.loadedMs, 0), firstFrameMs: round(bare.frameMs, 0) },
          requests: requests.map((r) => ({ range: r.range, status: r.status, kB: Math.round(r.bytes / 1024) })),
        },
      },
      { max: 150 },
    )
    const misses = [!heapOk && 'the heap grew by 10 % of the video or more', !seekWorked && 'the seek to the middle did not land', !partial && 'half the file or more was read']
    const missed = misses.filter((m): m is string => typeof m === 'string')
    return missed.length === 0 ? result : { ...result, pass: false, note: missed.join('; ') }
  } finally {
    await bench.close()
    await storyboard.dispose()
  }
}

const sum = (served: Map<string, Served>): number => [...served.values()].reduce((total, r) => total + r.bytes, 0)
