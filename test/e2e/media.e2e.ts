import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useSampleProjectApp } from './support/sample-project-app'
import { takeOnClipOne } from './support/take-on-clip-one'

let app: Harness

/** The sample project with a finished, chosen take on clip 1 whose file is a real 2 s MP4. */
const world = useSampleProjectApp(takeOnClipOne)
beforeEach(() => void ({ app } = world))

describe('media reaches the page over the media server, not IPC', () => {
  it('plays a take from disk and seeks into its middle', async () => {
    const { page } = app
    await page.getByRole('button', { name: /^Open…/ }).click()
    const video = page.getByLabel('Take 1 video')
    await video.waitFor()
    expect(await video.getAttribute('src')).toMatch(/\/media\/take\/take1\/0$/)
    const seeked = await video.evaluate(async (element: HTMLVideoElement) => {
      if (element.readyState < 1) await new Promise((done) => element.addEventListener('loadedmetadata', done, { once: true }))
      element.currentTime = 1.25
      await new Promise((done) => element.addEventListener('seeked', done, { once: true }))
      return { duration: element.duration, currentTime: element.currentTime, error: element.error?.code ?? null }
    })
    expect(seeked.error).toBeNull()
    expect(seeked.duration).toBeCloseTo(2, 1)
    expect(seeked.currentTime).toBeCloseTo(1.25, 1)

    // Thumbnails are plain URLs too: every image in the bin has loaded from the media server.
    const bin = page.getByRole('complementary', { name: 'Assets' }).locator('img')
    await expect.poll(() => bin.count()).toBeGreaterThan(0)
    const loaded = await bin.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth > 0 && (image as HTMLImageElement).src.includes('/media/thumb/')))
    expect(loaded.every(Boolean)).toBe(true)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
