import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'

const KEY = 'sk-CANARY-e2e-account-0123456789'
const prompts = ['A lighthouse keeper climbs the stairs', 'The lamp turns over a stormy sea']

let app: Harness
let fake: Fake

const world = useAppWithFake({ keys: [KEY], pendingMs: 200, processingMs: 400 })
beforeEach(() => void ({ app, fake } = world))

describe('when MuleRouter refuses the account', () => {
  it('pauses the queue with the reason in the title bar and the Queue panel, keeps every take queued, and Resume sends each once', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Lighthouse')
    await page.getByRole('button', { name: 'Create' }).click()
    for (const [i, prompt] of prompts.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Clip', exact: true }).click()
      await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
    }
    await connectTo(page, fake.url, KEY)
    fake.setFault('submit', { status: 402 })

    const clip = (n: number) => page.getByRole('group', { name: `Clip ${n}` }).getByText(`Clip ${n}`, { exact: true })
    await clip(1).click()
    await clip(2).click({ modifiers: ['Shift'] })
    await page.getByRole('button', { name: /^Generate 2 clips/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Queue 2 takes?' })
    await confirm.getByRole('button', { name: 'Queue 2 takes' }).click()
    await confirm.waitFor({ state: 'detached' })

    await page.locator('.title-bar').getByText(/balance is too low/).waitFor({ timeout: 15_000 })
    const panel = page.getByRole('complementary', { name: 'Queue' })
    await panel.getByText(/balance is too low/).waitFor()
    await panel.getByRole('button', { name: 'Resume queue' }).waitFor()
    // The 402 proves no task was made: both takes (sent at once, two slots) still wait in line, none failed.
    const refusedPosts = fake.submits().length
    expect(refusedPosts).toBeLessThanOrEqual(2)
    const waiting = panel.getByRole('region', { name: 'Queued' }).getByRole('listitem')
    await expect.poll(() => waiting.count()).toBe(2)
    // Waiting in line is not uploading: no progress bar, no "Uploading 0.0 of 0.0 MB" left from the refused attempt.
    expect(await page.getByRole('progressbar', { name: 'Take progress' }).count()).toBe(0)
    // One word in all four places, and nothing spins: the title bar, the Queue panel, the take list, the timeline.
    await page.locator('.title-bar').getByText('Paused', { exact: true }).waitFor()
    expect(await waiting.evaluateAll((rows) => rows.map((row) => row.querySelector('.pill')?.textContent))).toEqual(['Paused', 'Paused'])
    await expect.poll(() => page.getByRole('listitem', { name: 'Take 1' }).locator('.pill').first().textContent()).toBe('Paused')
    for (const n of [1, 2]) await page.getByRole('group', { name: `Clip ${n}` }).getByTitle('Paused', { exact: true }).waitFor()
    expect(await page.locator('.timeline .spin, .take-row .spin, .queue-panel .spin').count()).toBe(0)
    await page.screenshot({ path: 'docs/screenshots/queue-paused-credits.png' })

    fake.setFault('submit', null)
    await panel.getByRole('button', { name: 'Resume queue' }).click()
    await panel.getByText(/^Nothing queued/).waitFor({ timeout: 60_000 })
    await expect.poll(() => page.locator('.title-bar').getByText(/balance is too low/).count()).toBe(0)
    const sent = fake.submits().slice(refusedPosts).map((submit) => (submit.body as { prompt: string }).prompt)
    expect(sent.sort()).toEqual([...prompts].sort())
  }, 120_000)
})
