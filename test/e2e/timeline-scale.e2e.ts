import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useSampleProjectApp } from './support/sample-project-app'

const CLIPS = 200
let app: Harness

/** The sample project with its first clip repeated to 200, each titled by where it started ("Take 1" …). */
const world = useSampleProjectApp((json) => {
  const template = { ...json.clips[0]!, chosenTakeId: null }
  json.clips = Array.from({ length: CLIPS }, (_, i) => ({ ...template, id: `clip-${i + 1}`.padEnd(12, 'x'), title: `Take ${i + 1}`, duration: 3 + (i % 5) }))
})

const titles = (harness: Harness) =>
  harness.page.evaluate(async () => {
    const reply = await window.omniboard.invoke['project:read']({})
    return reply.ok && reply.value ? reply.value.project.clips.map((clip) => clip.title) : []
  })

beforeEach(async () => {
  app = world.app
  await app.page.getByRole('button', { name: /^Open…/ }).click()
  await app.page.getByRole('group', { name: 'Clip 1', exact: true }).waitFor()
})

describe('the timeline at 200 clips', () => {
  it('mounts only the clips near the view, yet scrolls as wide as all of them with each clip where it belongs', async () => {
    const { page } = app
    const track = page.locator('.timeline__track')
    const mounted = () => page.locator('.tl-clip').count()
    expect(await mounted()).toBeLessThan(20)
    await expect.poll(() => page.locator('.timeline__summary').textContent()).toContain(`${CLIPS} clips`)

    // Scrolled to the very end, the last clip ends where the track's content ends: the stand-in gaps add up.
    await track.evaluate((element) => (element.scrollLeft = element.scrollWidth))
    const last = page.getByRole('group', { name: `Clip ${CLIPS}`, exact: true })
    await last.waitFor()
    const ends = await track.evaluate((element) => {
      const clips = [...element.querySelectorAll('.tl-clip')]
      const right = clips.at(-1)!.getBoundingClientRect().right - element.getBoundingClientRect().left + element.scrollLeft
      return { right, scrollWidth: element.scrollWidth, padding: parseFloat(getComputedStyle(element).paddingRight) }
    })
    expect(Math.abs(ends.scrollWidth - ends.padding - ends.right)).toBeLessThan(2)
    await expect.poll(() => last.textContent()).toContain(`Take ${CLIPS}`)
    expect(await mounted()).toBeLessThan(20)

    // Halfway, neighbours sit one gap apart; clip 1 stays mounted (it is selected), clip 2 beside it does not.
    await track.evaluate((element) => (element.scrollLeft = element.scrollWidth / 2))
    await page.getByRole('group', { name: `Clip ${CLIPS / 2}`, exact: true }).waitFor()
    const gaps = await page.locator('.tl-clip').evaluateAll((clips) => {
      const left = (i: number) => clips.find((clip) => clip.getAttribute('aria-label') === `Clip ${i}`)?.getBoundingClientRect()
      return [1, 99, 100].map((i) => {
        const [a, b] = [left(i), left(i + 1)]
        return a && b ? Math.round(b.left - a.right) : null
      })
    })
    expect(gaps).toEqual([null, 8, 8])
  })

  it('drags clip 2 past the right edge, the track scrolls under it, and the drop moves it far along', async () => {
    const { page } = app
    const grip = (await page.getByRole('button', { name: 'Move clip 2', exact: true }).boundingBox())!
    const viewport = page.viewportSize()!
    const y = grip.y + grip.height / 2
    await page.mouse.move(grip.x + 5, y)
    await page.mouse.down()
    await page.mouse.move(grip.x + 15, y)
    for (let x = grip.x + 15; x < viewport.width - 10; x += 40) await page.mouse.move(x, y)
    // dnd-kit scrolls the track while the pointer rests at its edge; keep nudging, as a hand does.
    for (let i = 0; i < 40; i++) {
      await page.mouse.move(viewport.width - 10, y + (i % 2))
      await page.waitForTimeout(50)
    }
    expect(await page.locator('.timeline__track').evaluate((element) => element.scrollLeft)).toBeGreaterThan(1000)
    await page.mouse.up()
    await expect.poll(async () => (await titles(app)).indexOf('Take 2'), { timeout: 10_000 }).toBeGreaterThan(5)
    const order = await titles(app)
    expect(order).toHaveLength(CLIPS)
    expect(new Set(order).size).toBe(CLIPS)
    // The dropped clip is on screen, under the pointer's end, in its new place.
    await expect.poll(() => page.getByRole('group', { name: `Clip ${order.indexOf('Take 2') + 1}`, exact: true }).textContent()).toContain('Take 2')
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
