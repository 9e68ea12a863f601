import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'

const KEY = 'sk-CANARY-e2e-0123456789'

let app: Harness
let fake: Fake

const world = useAppWithFake({ keys: [KEY], pendingMs: 300, processingMs: 4000 })
beforeEach(() => void ({ app, fake } = world))

async function projectConnectedToFake(page: Harness['page']) {
  await page.getByRole('button', { name: /new project/i }).click()
  await page.getByLabel('Project name').fill('Harbour')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Fishing boats leave the harbour at dawn')
  await connectTo(page, fake.url, KEY)
}

describe('a paid generation, pressed twice', () => {
  it('Ctrl+Enter twice while typing in the prompt makes one take and one POST; Stop waiting keeps it, Check again fetches it', async () => {
    const { page } = app
    await projectConnectedToFake(page)
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
    await prompt.click()
    await page.keyboard.press('Control+Enter')
    await page.keyboard.press('Control+Enter')
    await page.waitForTimeout(150)
    await page.keyboard.press('Control+Enter')
    const take = page.getByRole('listitem', { name: 'Take 1' })
    await take.waitFor()
    await page.waitForTimeout(1_500)
    expect(await page.getByRole('listitem', { name: /^Take \d+$/ }).count()).toBe(1)
    expect(fake.submits()).toHaveLength(1)

    await take.getByText('Generating', { exact: true }).waitFor({ timeout: 15_000 })
    await take.getByRole('button', { name: 'Stop waiting' }).click()
    await take.getByText('Not followed', { exact: true }).waitFor()
    await page.screenshot({ path: 'test-results/take-not-followed.png' })
    await take.getByRole('button', { name: 'Check again' }).click()
    await take.getByText('Done', { exact: true }).waitFor({ timeout: 30_000 })
    await page.getByLabel('Take 1 video').waitFor()
    expect(fake.submits()).toHaveLength(1)
  }, 90_000)

  it('a take whose POST may have arrived asks before it is sent again, showing what it may cost', async () => {
    const { page } = app
    await projectConnectedToFake(page)
    fake.failNext('submit', { kind: 'reset', afterCreate: true })
    await page.getByRole('button', { name: /^Generate/ }).click()
    const take = page.getByRole('listitem', { name: 'Take 1' })
    await take.getByText('Unconfirmed', { exact: true }).waitFor({ timeout: 15_000 })
    await take.getByRole('button', { name: 'Resubmit…' }).click()
    await take.getByText('This may charge you again: ≈ $0.56').waitFor()
    await page.screenshot({ path: 'test-results/take-resubmit-confirm.png' })
    expect(fake.submits()).toHaveLength(1)
    await take.getByRole('button', { name: 'Send again' }).click()
    await page.getByRole('listitem', { name: 'Take 2' }).waitFor()
    await expect.poll(() => fake.submits().length).toBe(2)
  }, 90_000)
})
