import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'

const KEY = 'sk-CANARY-e2e-offline-0123456789'
const prompts = ['Fog rolls over the breakwater', 'A foghorn sounds from the point']

let app: Harness
let fake: Fake

// Long renders: the first take is still at MuleRouter when the connection goes.
const world = useAppWithFake({ keys: [KEY], pendingMs: 200, processingMs: 120_000 })
beforeEach(() => void ({ app, fake } = world))

describe('while MuleRouter cannot be reached', () => {
  it('says Waiting for connection in the title bar, the Queue panel, the take list and the timeline, for a sent take and a queued one, with nothing spinning', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Foghorn')
    await page.getByRole('button', { name: 'Create' }).click()
    for (const [i, prompt] of prompts.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Clip', exact: true }).click()
      await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
    }
    await connectTo(page, fake.url, KEY)
    const clip = (n: number) => page.getByRole('group', { name: `Clip ${n}` })
    const generateOne = async (n: number) => {
      await clip(n).getByText(`Clip ${n}`, { exact: true }).click()
      await page.getByRole('button', { name: /^Generate/ }).first().click()
    }

    await generateOne(1)
    await clip(1).getByTitle('Generating', { exact: true }).waitFor({ timeout: 15_000 })
    // MuleRouter goes away: every connection is refused from now on.
    await fake.close()
    await generateOne(2)

    const waiting = 'Waiting for connection'
    // The queued take gives up after the send retries (about 13 s); the sent one at its next poll.
    await page.locator('.title-bar').getByText(waiting, { exact: true }).waitFor({ timeout: 45_000 })
    for (const n of [1, 2]) await clip(n).getByTitle(waiting, { exact: true }).waitFor({ timeout: 30_000 })
    const panel = page.getByRole('complementary', { name: 'Queue' })
    if (!(await panel.isVisible())) await page.getByRole('button', { name: /^Queue/ }).click()
    await expect.poll(() => panel.getByRole('listitem').evaluateAll((rows) => rows.map((row) => row.querySelector('.pill')?.textContent))).toEqual([waiting, waiting])
    await expect.poll(() => page.getByRole('listitem', { name: 'Take 1' }).locator('.pill').first().textContent()).toBe(waiting)
    await clip(1).getByText('Clip 1', { exact: true }).click()
    await expect.poll(() => page.getByRole('listitem', { name: 'Take 1' }).locator('.pill').first().textContent()).toBe(waiting)
    expect(await page.locator('.timeline .spin, .take-row .spin, .queue-panel .spin').count()).toBe(0)
    expect(await page.getByRole('progressbar', { name: 'Take progress' }).count()).toBe(0)
    await page.screenshot({ path: 'docs/screenshots/waiting-for-connection.png' })
  }, 120_000)
})
