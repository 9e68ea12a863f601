import { mkdir } from 'node:fs/promises'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { startFakeMuleRouter } from '../../src/fake-mulerouter'
import { closeBrowser, launchApp, type Harness } from './harness'
import { connectTo } from './support/connect'
import { dropFiles, pngFile, type DiskFile } from './support/os-files'

/**
 * The first half hour of a new user, at 1440×900 on the production build: the sample, a bin of many
 * images, a multi-file drop with refusals, durations out of range, a long prompt, a generated take played
 * and chosen, the toast, and the File menu.
 */
const KEY = 'sk-CANARY-walkthrough-0123456789'
type Fake = Awaited<ReturnType<typeof startFakeMuleRouter>>
let app: Harness
let fake: Fake

beforeEach(async () => {
  await mkdir('test-results', { recursive: true })
  fake = await startFakeMuleRouter({ keys: [KEY], pendingMs: 200, processingMs: 1500 })
  app = await launchApp({ firstStart: true })
})
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app.close()
  await fake.close()
})
afterAll(closeBrowser)

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const box = async (locator: Locator) => (await locator.boundingBox())!

async function manyImages(count: number): Promise<DiskFile[]> {
  const files: DiskFile[] = []
  for (let i = 0; i < count; i++) files.push(await pngFile(`still-${i + 1}.png`, 640, 360, [(i * 37) % 255, (i * 91) % 255, 200 - ((i * 13) % 150)]))
  return files
}

describe('the editor for a new user', () => {
  it('explains the sample, keeps a big bin in a scrolling grid, reports every refused file and never changes a number silently', async () => {
    const { page } = app
    const hint = page.getByRole('complementary', { name: 'About the sample project' })
    await hint.waitFor()
    expect(await hint.textContent()).toContain('This is the sample project')

    // 7. Frames show whole in their slots, and a shot's text stops before the last-frame slot.
    const firstFrame = page.getByRole('button', { name: 'First frame of clip 1', exact: true }).locator('img')
    await firstFrame.waitFor()
    expect(await firstFrame.evaluate((img: HTMLImageElement) => getComputedStyle(img).objectFit)).toBe('contain')
    const lastShot = page.getByRole('group', { name: 'Clip 2' }).locator('.tl-shot').last()
    const lastFrameSlot = page.getByRole('button', { name: 'Last frame of clip 2', exact: true })
    expect((await box(lastShot)).x + (await box(lastShot)).width).toBeLessThanOrEqual((await box(lastFrameSlot)).x)

    // 1. Thirty-four more images: tiles never overlap, the last one scrolls into view and can be dragged.
    const bin = page.getByRole('complementary', { name: 'Assets' })
    await dropFiles(page, bin, await manyImages(34))
    const tiles = bin.getByRole('listitem')
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(39)
    const boxes = await tiles.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))
    for (let i = 1; i < boxes.length; i++) for (let j = 0; j < i; j++) expect(overlaps(boxes[i]!, boxes[j]!), `tiles ${j} and ${i} overlap`).toBe(false)
    const last = tiles.last()
    await last.scrollIntoViewIfNeeded()
    const lastBox = await box(last)
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('li')?.getAttribute('aria-label'), { x: lastBox.x + lastBox.width / 2, y: lastBox.y + lastBox.height / 2 })
    expect(hit).toContain('still-34.png')
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual((await box(bin)).y + (await box(bin)).height)
    await page.screenshot({ path: 'test-results/many-assets.png' })

    // 5. One good PNG, a WebP and an empty file: one toast counts the two refusals and names both.
    const good = await pngFile('harbour.png', 800, 450, [30, 90, 140])
    const webp = { name: 'still.webp', mime: 'image/webp', bytes: Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ') }
    const empty = { name: 'empty.png', mime: 'image/png', bytes: Buffer.alloc(0) }
    await dropFiles(page, bin, [good, webp, empty])
    const summary = page.getByRole('region', { name: 'Notifications' }).getByText('2 of 3 images were not imported')
    await summary.waitFor()
    const toastText = await page.getByRole('region', { name: 'Notifications' }).textContent()
    expect(toastText).toContain('still.webp')
    expect(toastText).toContain('empty.png')
    await expect.poll(() => tiles.count()).toBe(40)

    // 4. Out-of-range durations are changed with a word next to the field.
    const duration = page.getByRole('spinbutton', { name: 'Duration' })
    await duration.fill('16')
    await duration.press('Tab')
    await page.getByText('Kling makes 3–15 s; set to 15 s.').waitFor()
    expect(await duration.inputValue()).toBe('15')
    await duration.fill('2')
    await duration.press('Tab')
    await page.getByText('Kling makes 3–15 s; set to 3 s.').waitFor()

    // 6. A long prompt: the error is said once, at the field, and the negative prompt stays reachable above the Generate bar.
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Waves roll over the rocks below the lighthouse. '.repeat(60))
    const seenTimes = () =>
      page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        let seen = 0
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const shown = !node.parentElement?.closest('[aria-hidden="true"], .visually-hidden')
          if (shown && /The prompt is [\d,]+ characters/.test(node.textContent ?? '')) seen++
        }
        return seen
      })
    await expect.poll(seenTimes).toBe(1)
    const negative = page.getByRole('textbox', { name: 'Negative prompt' })
    await negative.scrollIntoViewIfNeeded()
    expect(overlaps(await box(negative), await box(page.locator('.generate-bar')))).toBe(false)
    await negative.fill('blur, text')
    expect(await negative.inputValue()).toBe('blur, text')

    // 10. The hint goes for good once dismissed.
    await hint.getByRole('button', { name: 'Dismiss the sample note' }).click()
    await hint.waitFor({ state: 'detached' })
    await page.reload()
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    expect(await page.getByRole('complementary', { name: 'About the sample project' }).count()).toBe(0)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('generates a take, plays it with Play, shows the chosen take, puts its still on the timeline and keeps the toast off the controls', async () => {
    const { page } = app
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    // A storyboard as it looks after a while: many images, the note on the sample read and closed.
    await dropFiles(page, page.getByRole('complementary', { name: 'Assets' }), await manyImages(30))
    await page.getByRole('button', { name: 'Dismiss the sample note' }).click()
    await connectTo(page, fake.url, KEY)
    await page.getByRole('button', { name: /^Generate/ }).click()
    await page.getByRole('listitem', { name: 'Take 1' }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })

    // 9. The "take ready" toast covers neither the multi-shot switch nor the Quality row, and takes no focus.
    const toast = page.getByRole('region', { name: 'Notifications' }).getByText(/is ready/)
    await toast.waitFor()
    const toastBox = await box(page.locator('.toast').first())
    expect(overlaps(toastBox, await box(page.getByRole('radio', { name: 'Multi-shot' })))).toBe(false)
    expect(overlaps(toastBox, await box(page.getByRole('radiogroup', { name: 'Quality' })))).toBe(false)
    expect(overlaps(toastBox, await box(page.getByRole('complementary', { name: 'Inspector and elements' })))).toBe(false)
    expect(overlaps(toastBox, await box(page.getByRole('region', { name: 'Takes' })))).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.closest('.toaster') ?? null)).toBeNull()

    // 2. Play plays.
    await page.getByRole('listitem', { name: 'Take 1' }).getByRole('button', { name: 'Play' }).click()
    const video = page.getByLabel('Take 1 video')
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused || v.ended), { timeout: 10_000 }).toBe(true)

    // 3. A second take; "Use this take" on it puts it in the player.
    await page.getByRole('button', { name: /^Generate/ }).click()
    await page.getByRole('listitem', { name: 'Take 2' }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })
    await page.getByRole('listitem', { name: 'Take 1' }).getByRole('button', { name: 'Play' }).click()
    await page.getByLabel('Take 1 video').waitFor()
    await page.getByRole('listitem', { name: 'Take 2' }).getByRole('button', { name: 'Use this take' }).click()
    await page.getByLabel('Take 2 video').waitFor()

    // 11. The clip shows a still of its take and the take count on the timeline.
    const poster = page.getByRole('img', { name: 'Clip 1 video, 2 takes' })
    await expect.poll(() => poster.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('complementary', { name: 'Assets' }).getByRole('listitem').count(), { timeout: 30_000 }).toBe(35)
    await page.waitForTimeout(500)
    await page.screenshot({ path: 'test-results/generated-clip.png' })
    expect(fake.submits()).toHaveLength(2)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('starts a new project, reopens the sample from Open recent, shows the folder and keeps + Clip in reach', async () => {
    const { page } = app
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    const sample = await page.evaluate(async () => {
      const reply = await window.omniboard.invoke['project:read']({})
      return reply.ok && reply.value ? reply.value.path : ''
    })

    // 10. "+ Clip" is visible and works however wide the track is.
    const addClip = page.getByRole('button', { name: 'Clip', exact: true })
    for (let i = 0; i < 3; i++) await addClip.click()
    const addBox = await box(addClip)
    expect(addBox.x + addBox.width).toBeLessThanOrEqual(1440)
    // The track mounts only the clips near the view: the header counts them all, and the new last one is on screen.
    await expect.poll(() => page.locator('.timeline__summary').textContent()).toMatch(/^6 clips/)
    await page.getByRole('group', { name: 'Clip 6', exact: true }).waitFor()

    const file = page.getByRole('button', { name: 'File' })
    await file.click()
    await page.getByRole('menuitem', { name: 'Show in file manager' }).click()
    await expect.poll(() => app.revealed).toEqual([sample])

    await file.click()
    await page.getByRole('menuitem', { name: 'New project…' }).click()
    const naming = page.getByRole('dialog', { name: 'New project' })
    await naming.getByLabel('Project name').fill('Harbour at night')
    await naming.getByRole('button', { name: 'Create' }).click()
    await naming.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('textbox', { name: 'Project name' }).inputValue()).toBe('Harbour at night')
    await expect.poll(() => page.getByRole('group', { name: /^Clip \d+$/ }).count()).toBe(1)

    await file.click()
    await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: /Sample — Lighthouse at dusk/ }).click()
    // Reopened with the three clips added; the track mounts only those near the view, its header counts them all.
    await expect.poll(() => page.locator('.timeline__summary').textContent()).toMatch(/^6 clips/)

    await file.click()
    await page.getByRole('menuitem', { name: 'Close project' }).click()
    await page.getByRole('button', { name: /new project/i }).waitFor()
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
