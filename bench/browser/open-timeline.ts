import type { Storyboard } from '../fixtures/storyboard-project'
import { heapUsedBytes, probe, type BenchPage } from './bench-page'

type Shown = { clickAt: number; shownAt: number; frameAt: number; paintedAt: number }
type IpcLog = { channel: string; sentAt: number; repliedAt: number }
type PageImage = { src: string; complete: boolean; naturalWidth: number; naturalHeight: number }

export type OpenRound = {
  clickToPaintMs: number
  clickToDomMs: number
  openReplyMs: number | null
  /** Of that reply, the main process's own time over project:open, and the time to and from the child with it. */
  openMainMs: number | null
  openViaChildMs: number | null
  thumbnailsSettledMs: number | null
  thumbnailCalls: number
  domCensus: Record<string, number>
}

/** How much DOM each area holds once the project shows: what the first paint had to lay out. */
const DOM_CENSUS = `({
  elements: document.querySelectorAll('*').length,
  timelineElements: document.querySelectorAll('.timeline *').length,
  timelineClips: document.querySelectorAll('.tl-clip').length,
  assetBinElements: document.querySelectorAll('aside[aria-label="Assets"] *').length,
  images: document.images.length,
})`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Clicks Open… on the welcome screen (the dialog answers with the storyboard folder) and waits, in the page, for
 * every clip to be in the timeline with a size and for the frame after that to start: the first full paint. Then
 * waits for every thumbnail the editor asked for to arrive and be decoded.
 */
export async function openFromWelcome(bench: BenchPage, storyboard: Storyboard): Promise<OpenRound> {
  const { page } = bench
  const clipCount = storyboard.project.clips.length
  const shown = probe<Shown>(page, `whenTimelineShows(${clipCount})`)
  await bench.harness.ipcTimes()
  await page.getByRole('button', { name: /^open\b/i }).first().click()
  const times = await shown
  const log = await probe<IpcLog[]>(page, 'ipc.log')
  const open = log.find((entry) => entry.channel === 'project:open')
  const opened = (await bench.harness.ipcTimes()).find((entry) => entry.channel === 'project:open')
  const settledAt = await waitForThumbnails(bench, storyboard.project.assets.length)
  return {
    clickToPaintMs: times.paintedAt - times.clickAt,
    clickToDomMs: times.shownAt - times.clickAt,
    openReplyMs: open ? open.repliedAt - times.clickAt : null,
    openMainMs: opened?.mainMs ?? null,
    openViaChildMs: opened?.viaChildMs ?? null,
    thumbnailsSettledMs: settledAt === null ? null : settledAt - times.clickAt,
    thumbnailCalls: await probe<number>(page, 'thumbnails().length'),
    domCensus: (await page.evaluate(DOM_CENSUS)) as Record<string, number>,
  }
}

/** Page time at which the thumbnail requests stopped and every image had decoded; null after 60 s. */
async function waitForThumbnails(bench: BenchPage, assetCount: number): Promise<number | null> {
  const deadline = Date.now() + 60_000
  let last = -1
  while (Date.now() < deadline) {
    const calls = await probe<number>(bench.page, 'thumbnails().length')
    const images = await probe<PageImage[]>(bench.page, 'images()')
    const pending = images.filter((image) => !image.complete).length
    if (pending === 0 && calls > 0 && (calls >= assetCount || calls === last)) return bench.page.evaluate('performance.now()') as Promise<number>
    last = calls
    await sleep(250)
  }
  return null
}

export type MemoryAndImages = {
  heapUsedMB: number
  heapUsedAfterGcMB: number
  images: number
  largestImagePx: { width: number; height: number }
  fullSizeImagesDecoded: number
  thumbnailRequests: number
  thumbnailBytes: number
  assetBytesOfThoseImages: number
  imageBytesFromOtherChannels: number
  ipcMetered: boolean
}

const isFullSize = (image: PageImage, fullWidth: number): boolean =>
  image.naturalWidth > 320 || image.naturalHeight > 320 || image.naturalWidth >= fullWidth

/** Renderer heap once the project and its thumbnails are shown, and what image bytes the page received. */
export async function measureMemoryAndImages(bench: BenchPage, storyboard: Storyboard): Promise<MemoryAndImages> {
  const { page, cdp } = bench
  const heapUsed = await heapUsedBytes(cdp)
  await cdp.send('HeapProfiler.collectGarbage')
  const heapAfterGc = await heapUsedBytes(cdp)
  const images = await probe<PageImage[]>(page, 'images()')
  const thumbnails = await probe<{ assetId: string; bytes: number }[]>(page, 'thumbnails()')
  const bytesByChannel = await probe<Record<string, number>>(page, 'ipc.bytes')
  const assetBytes = new Map(storyboard.project.assets.map((asset) => [asset.id, asset.bytes]))
  const full = storyboard.project.assets[0]!
  const decoded = images.filter((image) => image.naturalWidth > 0)
  const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10
  return {
    heapUsedMB: mb(heapUsed),
    heapUsedAfterGcMB: mb(heapAfterGc),
    images: decoded.length,
    largestImagePx: decoded.reduce(
      (max, image) => (image.naturalWidth * image.naturalHeight > max.width * max.height ? { width: image.naturalWidth, height: image.naturalHeight } : max),
      { width: 0, height: 0 },
    ),
    // Every storyboard image is 1280×720 and its thumbnail at most 320 px a side: anything larger is a full decode.
    // With no image shown at all, zero full-size decodes would prove nothing.
    fullSizeImagesDecoded: decoded.length === 0 ? Number.NaN : decoded.filter((image) => isFullSize(image, full.width)).length,
    thumbnailRequests: thumbnails.length,
    thumbnailBytes: thumbnails.reduce((sum, t) => sum + t.bytes, 0),
    assetBytesOfThoseImages: thumbnails.reduce((sum, t) => sum + (assetBytes.get(t.assetId) ?? 0), 0),
    // Media never travels over IPC any more: any bytes in an IPC reply are a regression.
    imageBytesFromOtherChannels: Object.values(bytesByChannel).reduce((sum, bytes) => sum + bytes, 0),
    ipcMetered: await probe<boolean>(page, 'ipcMetered'),
  }
}
