import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'

const KEY = 'sk-CANARY-e2e-queue-0123456789'
const prompts = ['Fishing boats leave the harbour at dawn', 'Gulls circle the lighthouse', 'Nets hauled onto the pier at dusk']

let app: Harness
let fake: Fake

const world = useAppWithFake({ keys: [KEY], pendingMs: 300, processingMs: 6000 })
beforeEach(() => void ({ app, fake } = world))

async function threeClipProject(page: Harness['page']) {
  await page.getByRole('button', { name: /new project/i }).click()
  await page.getByLabel('Project name').fill('Harbour')
  await page.getByRole('button', { name: 'Create' }).click()
  for (const [i, prompt] of prompts.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Clip', exact: true }).click()
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  }
  await connectTo(page, fake.url, KEY)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('textbox', { name: 'Daily cap in dollars' }).fill('20')
  // One at a time, so the queue has takes waiting to reorder.
  await page.getByText('Advanced', { exact: true }).click()
  await page.getByLabel('Generations at once').fill('1')
  await page.getByRole('textbox', { name: 'This project’s cap in dollars' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/settings-budgets.png' })
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}

const clipHeading = (page: Harness['page'], n: number) => page.getByRole('group', { name: `Clip ${n}` }).getByText(`Clip ${n}`, { exact: true })

describe('generating many clips through the queue', () => {
  it('queues three selected clips after a confirm, shows them finish in the Queue panel, and lists each in the ledger', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1440, height: 900 })
    await threeClipProject(page)
    await clipHeading(page, 1).click()
    await clipHeading(page, 3).click({ modifiers: ['Shift'] })
    await page.getByRole('region', { name: 'Inspector' }).getByText('3 clips selected').waitFor()

    await page.getByRole('button', { name: /^Generate 3 clips/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Queue 3 takes?' })
    await confirm.getByText(/^3 clips · ≈ \$\d+\.\d\d · leaves \$\d+\.\d\d of today's \$20\.00 budget$/).waitFor()
    expect(await confirm.getByRole('listitem').count()).toBe(3)
    await page.screenshot({ path: 'docs/screenshots/queue-confirm.png' })
    expect(fake.submits()).toHaveLength(0)
    await confirm.getByRole('button', { name: 'Queue 3 takes' }).click()
    await confirm.waitFor({ state: 'detached' })

    const panel = page.getByRole('complementary', { name: 'Queue' })
    await panel.getByRole('button', { name: 'Pause queue' }).click()
    await page.locator('.title-bar').getByText('Paused').waitFor()
    const waiting = panel.getByRole('region', { name: 'Queued' }).getByRole('listitem')
    await expect.poll(() => waiting.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')))).toEqual(['Clip 2, take 1', 'Clip 3, take 1'])
    // The keyboard path of the drag: pick up, move up one, drop.
    await panel.getByRole('button', { name: 'Move Clip 3, take 1 in the queue' }).focus()
    await page.keyboard.press('Space')
    // dnd-kit measures the list on the frame after a pick-up and animates each move: give each key its frame.
    await page.waitForTimeout(250)
    await page.keyboard.press('ArrowUp')
    await page.waitForTimeout(250)
    await page.keyboard.press('Space')
    await expect.poll(() => waiting.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')))).toEqual(['Clip 3, take 1', 'Clip 2, take 1'])
    await panel.getByRole('region', { name: 'Sent' }).getByText('Generating', { exact: true }).waitFor({ timeout: 15_000 })
    // Still in the new order once main has answered and announced the takes it renumbered.
    expect(await waiting.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')))).toEqual(['Clip 3, take 1', 'Clip 2, take 1'])
    await page.screenshot({ path: 'docs/screenshots/queue-panel.png' })
    await panel.getByRole('button', { name: 'Resume queue' }).click()
    await panel.getByText(/^Nothing queued/).waitFor({ timeout: 60_000 })
    // Each clip once, in the order the queue was left in.
    expect(fake.submits().map((submit) => (submit.body as { prompt: string }).prompt)).toEqual([prompts[0], prompts[2], prompts[1]])
    await panel.getByRole('button', { name: 'Close the queue' }).click()

    await page.getByRole('button', { name: /Spent/ }).click()
    const ledger = page.getByRole('dialog', { name: 'Spend (estimates)' })
    const rows = ledger.getByRole('table', { name: 'Takes in the spend ledger' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    for (let i = 0; i < 3; i++) await expect.poll(() => rows.nth(i).innerText()).toMatch(/Harbour[\s\S]*Done/i)
    await page.screenshot({ path: 'docs/screenshots/ledger.png' })
    await ledger.getByRole('button', { name: 'Done' }).click()

    // Edited after its take: marked on the timeline and explained in the editor.
    await clipHeading(page, 1).click()
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(`${prompts[0]}, in fog`)
    await page.getByRole('group', { name: 'Clip 1' }).getByText('Changed since take 1').waitFor()
    await page.getByRole('region', { name: 'Changed since its take' }).getByText('fog').waitFor()
    await page.screenshot({ path: 'test-results/stale-clip.png' })
  }, 120_000)
})
