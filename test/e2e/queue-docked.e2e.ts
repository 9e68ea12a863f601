import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'

const KEY = 'sk-CANARY-e2e-queue-docked-0123456789'
const prompts = ['A lighthouse keeper climbs the stairs', 'The lamp turns over a stormy sea']

let app: Harness
let fake: Fake

// Long enough that both takes are still in the panel while the layout is measured.
const world = useAppWithFake({ keys: [KEY], pendingMs: 300, processingMs: 60_000 })
beforeEach(() => void ({ app, fake } = world))

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the Queue panel at 1280×800', () => {
  it('docks beside the editor: the Generate button, its menu arrow and the inspector stay uncovered and usable', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Lighthouse')
    await page.getByRole('button', { name: 'Create' }).click()
    for (const [i, prompt] of prompts.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Clip', exact: true }).click()
      await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
    }
    await connectTo(page, fake.url, KEY)

    const clip = (n: number) => page.getByRole('group', { name: `Clip ${n}` }).getByText(`Clip ${n}`, { exact: true })
    await clip(1).click()
    await clip(2).click({ modifiers: ['Shift'] })
    await page.getByRole('button', { name: /^Generate 2 clips/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Queue 2 takes?' })
    await confirm.getByRole('button', { name: 'Queue 2 takes' }).click()
    await confirm.waitFor({ state: 'detached' })

    // The panel opens by itself after queueing; back to one clip to work on while it is open.
    const panel = page.getByRole('complementary', { name: 'Queue' })
    await panel.getByRole('region', { name: 'Sent' }).getByRole('listitem').first().waitFor({ timeout: 15_000 })
    await clip(1).click()
    const generate = page.getByRole('button', { name: /^Generate\b/ }).first()
    const arrow = page.getByRole('button', { name: 'More ways to generate' })
    const inspector = page.getByRole('region', { name: 'Inspector' })
    await generate.waitFor()

    const panelBox = (await panel.boundingBox())!
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(1280)
    for (const control of [generate, arrow, inspector]) {
      expect(await control.isVisible()).toBe(true)
      const box = (await control.boundingBox())!
      expect(overlaps(box, panelBox), `${await control.getAttribute('aria-label') ?? await control.innerText()} is under the Queue panel`).toBe(false)
      expect(box.x + box.width).toBeLessThanOrEqual(panelBox.x)
    }
    // The editor column beside the panel holds the whole take card, not a cut-off part of it.
    const column = (await page.locator('.editor__center').boundingBox())!
    const takeCard = (await page.locator('.take-row').first().boundingBox())!
    expect(takeCard.x + takeCard.width).toBeLessThanOrEqual(column.x + column.width)
    // A real click: Playwright refuses it if the panel catches the pointer.
    await arrow.click({ timeout: 5_000 })
    await page.getByRole('menu', { name: 'Generate' }).waitFor()
    await page.keyboard.press('Escape')
    expect(await panel.isVisible()).toBe(true)
    await page.screenshot({ path: 'docs/screenshots/queue-docked.png' })
  }, 120_000)
})
