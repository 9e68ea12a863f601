import { resolve } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter } from '../../src/fake-mulerouter'
import { closeBrowser, launchApp, type Harness } from './harness'
import { connectTo } from './support/connect'

const KEY = 'sk-fake-continuity-0123'
// Kling's takes are at least 720p; the fake serves a 640×360 one so its frames pass the 300 px image minimum.
const video = resolve(import.meta.dirname, '../fixtures/film/take-360p-silent.mp4')
const ONE_FRAME = 1 / 24
type Fake = Awaited<ReturnType<typeof startFakeMuleRouter>>

let app: Harness
let fake: Fake

beforeEach(async () => {
  fake = await startFakeMuleRouter({ keys: [KEY], pendingMs: 100, processingMs: 300, videoPath: video })
  app = await launchApp({ viewport: { width: 1440, height: 900 } })
})
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app.close()
  await fake.close()
})
afterAll(closeBrowser)

async function generateTake(page: Harness['page'], number: number) {
  await page.getByRole('button', { name: /^Generate/ }).click()
  await page.getByRole('listitem', { name: `Take ${number}` }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })
}

/** The compared videos' current times, read in one go so they describe the same instant. */
const compareTimes = (page: Harness['page']) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLVideoElement>('video[aria-label$="(compare)"]')].map((v) => v.currentTime))

describe('continuity: takes compared, chosen and chained', () => {
  it('generates two takes, compares them in sync, chooses one and chains its last frame into the next clip', async () => {
    const { page } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Harbour chain')
    await page.getByRole('button', { name: 'Create' }).click()
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
    await prompt.fill('A lighthouse at dusk, waves crash on the rocks')
    await connectTo(page, fake.url, KEY)
    await generateTake(page, 1)
    await prompt.fill('A lighthouse at night, waves crash on the rocks, slow push in')
    await page.getByRole('radio', { name: /Std/ }).click()
    await generateTake(page, 2)
    expect(fake.submits()).toHaveLength(2)

    // Judge: rate take 2 from the keyboard.
    await page.getByRole('listitem', { name: 'Take 2' }).focus()
    await page.keyboard.press('4')
    await expect.poll(() => page.getByRole('group', { name: 'Rating of take 2' }).getByRole('button', { name: 'Rate 4 of 5' }).getAttribute('aria-pressed')).toBe('true')

    await page.screenshot({ path: 'test-results/takes-judged.png' })

    // Compare both, playing in sync.
    await page.getByRole('checkbox', { name: 'Compare take 1' }).check()
    await page.getByRole('checkbox', { name: 'Compare take 2' }).check()
    await page.getByRole('button', { name: 'Compare 2' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compare 2 takes' })
    await dialog.waitFor()
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLVideoElement>('video[aria-label$="(compare)"]')].every((v) => v.readyState >= 2))
    const changes = dialog.getByRole('region', { name: 'Take 2 request changes' })
    await changes.getByText('night').waitFor()
    expect(await changes.textContent()).toContain('pro → std')

    await dialog.getByRole('button', { name: 'Play all' }).click()
    await page.waitForTimeout(400)
    const playingTimes = await compareTimes(page)
    expect(playingTimes[0]).toBeGreaterThan(0)
    expect(Math.abs(playingTimes[0]! - playingTimes[1]!)).toBeLessThan(ONE_FRAME)
    await dialog.getByRole('button', { name: 'Pause all' }).click()
    await page.waitForTimeout(100)
    const paused = await compareTimes(page)
    expect(Math.abs(paused[0]! - paused[1]!)).toBeLessThan(ONE_FRAME)

    // Seek with the scrubber, then step frames with , and .
    await dialog.getByRole('slider', { name: 'Position in all takes' }).focus()
    await page.keyboard.press('Home')
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(200)
    const seeked = await compareTimes(page)
    expect(seeked[0]).toBeCloseTo(0.5, 1)
    expect(Math.abs(seeked[0]! - seeked[1]!)).toBeLessThan(ONE_FRAME)
    await page.keyboard.press('.')
    await page.keyboard.press('.')
    await page.keyboard.press(',')
    await page.waitForTimeout(200)
    const stepped = await compareTimes(page)
    expect(stepped[0]).toBeCloseTo(seeked[0]! + ONE_FRAME, 2)
    expect(Math.abs(stepped[0]! - stepped[1]!)).toBeLessThan(ONE_FRAME)
    await page.screenshot({ path: 'test-results/compare-takes.png' })

    await dialog.getByRole('button', { name: 'Choose take 2' }).click()
    await dialog.getByText('Chosen').waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Chain take 2's last frame into a new clip 2.
    await page.getByRole('button', { name: 'Clip', exact: true }).click()
    await page.getByRole('group', { name: 'Clip 1' }).click({ position: { x: 40, y: 12 } })
    await page.getByRole('button', { name: 'Play' }).first().waitFor()
    await page.getByRole('listitem', { name: 'Take 2' }).getByRole('button', { name: 'Play' }).click()
    await page.getByRole('button', { name: /Last frame → next clip/ }).click()
    await page.getByText('Clip 2 now starts on the last frame of take 2.').waitFor()
    await page.getByRole('button', { name: 'First frame of clip 2', exact: true }).locator('img').waitFor()
    await page.getByRole('img', { name: 'Chained to the previous clip' }).waitFor()
    const snapshot = await page.evaluate(() => window.omniboard.invoke['project:read']({}))
    const project = snapshot.ok ? snapshot.value!.project : null
    const chained = project!.assets.find((asset) => asset.id === project!.clips[1]!.firstFrameAssetId)
    expect(chained).toMatchObject({ width: 640, height: 360, provenance: { clipId: project!.clips[0]!.id, position: 'last' } })
    expect(chained!.provenance!.takeId).toBe(project!.clips[0]!.chosenTakeId)

    // Grab the frame on screen with G while the player has focus.
    const player = page.getByLabel('Take 2 video', { exact: true })
    await player.evaluate(async (element: HTMLVideoElement) => {
      if (element.readyState < 1) await new Promise((done) => element.addEventListener('loadedmetadata', done, { once: true }))
      // Play may have started it; a user scrubs to the frame they want and stops there.
      element.pause()
      element.currentTime = 0.5
      await new Promise((done) => element.addEventListener('seeked', done, { once: true }))
    })
    await player.focus()
    await page.keyboard.press('g')
    await page.getByText(/Frame at 0\.50 s of take 2 is in the asset bin/).waitFor()
    const grabbed = await page.evaluate(async () => {
      const reply = await window.omniboard.invoke['project:read']({})
      return reply.ok ? reply.value!.project.assets.map((asset) => asset.provenance) : []
    })
    expect(grabbed).toContainEqual(expect.objectContaining({ position: 'time', timeSeconds: 0.5 }))

    // Choosing take 1 again makes the chain stale; clip 2 says so.
    await page.getByRole('listitem', { name: 'Take 1' }).getByRole('button', { name: 'Use this take' }).click()
    await page.getByRole('img', { name: /no longer chosen/ }).waitFor()
    await page.getByRole('group', { name: 'Clip 2' }).click({ position: { x: 40, y: 12 } })
    await page.getByText(/take 1 is chosen now — update\?/).waitFor()
    await page.screenshot({ path: 'test-results/chained-timeline.png' })
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
