import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake } from './support/app-with-fake'

const KEY = 'sk-fake-film-0123456789'
const world = useAppWithFake({ keys: [KEY], pendingMs: 100, processingMs: 300 })

/** Points the app at the fake MuleRouter through the channels the Settings dialog uses, then reloads so the page reads them. */
async function useFakeServer(page: Harness['page'], url: string): Promise<void> {
  const replies = await page.evaluate(
    async ([baseUrl, key]) => [
      await window.omniboard.invoke['settings:update']({ patch: { baseUrlPreset: 'custom', customBaseUrl: baseUrl } }),
      await window.omniboard.invoke['settings:setApiKey']({ key }),
    ],
    [url, KEY] as const,
  )
  expect(replies.map((reply) => reply.ok)).toEqual([true, true])
  await page.reload()
}

async function generate(page: Harness['page'], clipNumber: number): Promise<void> {
  await page.getByRole('group', { name: `Clip ${clipNumber}`, exact: true }).click({ position: { x: 40, y: 10 } })
  await page.getByRole('button', { name: /^Generate/ }).click()
  await page.getByRole('listitem', { name: 'Take 1' }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })
}

/** The sample project (three clips) with takes generated for clips 1 and 3, and none for clip 2. */
async function sampleWithTwoTakes(page: Harness['page']): Promise<void> {
  await useFakeServer(page, world.fake.url)
  await page.getByRole('button', { name: /sample/i }).first().click()
  await page.getByRole('region', { name: 'Timeline' }).waitFor()
  await generate(page, 1)
  await generate(page, 3)
  // The "take is ready" toasts would cover the player's header in the screenshots.
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' })
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2000 }).catch(() => undefined)
}

describe('Play film', () => {
  it('plays the cut with takes where they exist and an animatic card for the clip without one, following the timeline', async () => {
    const { page, logs } = world.app
    await sampleWithTwoTakes(page)
    await page.getByRole('button', { name: 'Play film' }).click()
    const player = page.getByRole('region', { name: 'Film player' })
    await player.getByText('3 clips · 2 with takes').waitFor()
    // Clip 1's take plays first: its video is on screen and the playhead moves.
    await expect.poll(() => player.locator('video[data-active="true"]').count()).toBe(1)
    await expect.poll(() => page.getByTestId('film-time').textContent(), { timeout: 10_000 }).not.toMatch(/^0:00\.0/)

    // J/L jump between clips: L lands on clip 2, which has no take and plays as an animatic.
    await page.keyboard.press('Space')
    await page.keyboard.press('l')
    const card = page.getByTestId('film-animatic')
    await card.waitFor()
    await expect.poll(() => card.textContent()).toContain('The keeper lights the lamp')
    await expect.poll(() => player.locator('.film-caption').textContent()).toMatch(/Clip 2 · shot 1 of 3/)
    await expect.poll(() => player.locator('video[data-active="true"]').count()).toBe(0)
    // The timeline outlines the clip playing.
    const outline = (await page.getByTestId('film-current-clip').boundingBox())!
    const clip2 = (await page.getByRole('group', { name: 'Clip 2', exact: true }).boundingBox())!
    expect(Math.abs(outline.x - clip2.x)).toBeLessThan(2)
    await page.waitForTimeout(300)
    await page.screenshot({ path: 'test-results/film-animatic.png' })

    // A click on clip 3 in the timeline jumps there; Esc leaves the player.
    const clip3 = (await page.getByRole('group', { name: 'Clip 3', exact: true }).boundingBox())!
    await page.mouse.click(clip3.x + clip3.width / 2, clip3.y + clip3.height / 2)
    await expect.poll(() => player.locator('.film-caption').textContent()).toMatch(/Clip 3 · take 1/)
    await expect.poll(() => player.locator('video[data-active="true"]').count()).toBe(1)
    await page.screenshot({ path: 'test-results/film-take.png' })
    await page.keyboard.press('Escape')
    await player.waitFor({ state: 'detached' })
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

describe('Export film', () => {
  it('exports the cut with an animatic still for the clip without a take, shows progress, and reveals the file', async () => {
    const { page, logs, revealed } = world.app
    await sampleWithTwoTakes(page)
    await page.getByRole('button', { name: 'Export film…' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Export film' })
    await dialog.getByRole('radio', { name: /Hold a still for clips without a take/ }).check()
    await page.screenshot({ path: 'test-results/film-export-options.png' })
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await dialog.getByText(/^Exported 0:12\.0 of film/).waitFor({ timeout: 60_000 })
    const path = (await dialog.locator('.film-export__path').textContent()) ?? ''
    expect(path).toMatch(/exports[\\/]Sample — Lighthouse at dusk \d{4}-\d{2}-\d{2}\.mp4$/)
    expect(existsSync(path)).toBe(true)
    expect((await readdir(dirname(path))).filter((name) => name.includes('omniboard-tmp'))).toEqual([])
    await page.screenshot({ path: 'test-results/film-exported.png' })

    await dialog.getByRole('button', { name: 'Show in folder' }).click()
    await expect.poll(() => revealed).toEqual([path])
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
