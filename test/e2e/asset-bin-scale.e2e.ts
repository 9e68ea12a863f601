import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useSampleProjectApp } from './support/sample-project-app'

let app: Harness

/** The sample project with a thousand more images in its bin (records only: the bin's layout needs no pixels). */
const world = useSampleProjectApp((json) => {
  const template = json.assets[0]!
  for (let i = 0; i < 1000; i++) json.assets.push({ ...template, id: i.toString(16).padStart(64, 'c'), originalName: `still-${i + 1}.png` })
})
beforeEach(() => void ({ app } = world))

describe('the asset bin at a thousand images', () => {
  it('mounts tiles a batch at a time as the bin scrolls, lays every tile out in a scrolling grid with no overlap, and the last one scrolls into view under the pointer', async () => {
    const { page } = app
    await page.getByRole('button', { name: /^Open…/ }).click()
    const bin = page.getByRole('complementary', { name: 'Assets' })
    const tiles = bin.getByRole('listitem')
    const more = bin.getByRole('listitem', { name: /more images$/ })
    // Opening mounts one batch of tiles; scrolling to the end of it mounts the next, until every image has one.
    await expect.poll(() => more.count(), { timeout: 30_000 }).toBe(1)
    expect(await tiles.count()).toBeLessThan(300)
    const scroller = bin.locator('.asset-bin__scroll')
    for (let batch = 0; batch < 20 && (await more.count()) > 0; batch++) {
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page.waitForTimeout(200)
    }
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1005)
    expect(await more.count()).toBe(0)
    // Every pair of tiles, in the page: a thousand tiles make half a million comparisons, a few milliseconds there.
    const overlapping = await tiles.evaluateAll((items) => {
      const boxes = items.map((item) => item.getBoundingClientRect())
      let found = 0
      for (let i = 1; i < boxes.length; i++) {
        for (let j = 0; j < i; j++) {
          const a = boxes[i]!
          const b = boxes[j]!
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found++
        }
      }
      return { found, height: boxes[0]!.height }
    })
    expect(overlapping.found).toBe(0)
    expect(overlapping.height).toBeGreaterThan(40)

    const last = tiles.last()
    await last.scrollIntoViewIfNeeded()
    const lastBox = (await last.boundingBox())!
    const binBox = (await bin.boundingBox())!
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(binBox.y + binBox.height)
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('li')?.getAttribute('aria-label'), { x: lastBox.x + lastBox.width / 2, y: lastBox.y + lastBox.height / 2 })
    expect(hit).toContain('still-1000.png')
    await page.screenshot({ path: 'test-results/thousand-assets.png' })
  })
})
