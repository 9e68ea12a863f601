import { mkdir } from 'node:fs/promises'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter } from '../../src/fake-mulerouter'
import { closeBrowser, launchApp, type Harness } from './harness'
import { connectTo } from './support/connect'

const KEY = 'sk-CANARY-e2e-origin-0123456789'
type Fake = Awaited<ReturnType<typeof startFakeMuleRouter>>

let app: Harness
let saved: Fake
let other: Fake
const answers: boolean[] = []
const asked: string[] = []

beforeEach(async () => {
  saved = await startFakeMuleRouter({ keys: [KEY] })
  other = await startFakeMuleRouter({ keys: [KEY] })
  app = await launchApp({
    dialogs: {
      confirmKeyOrigin: async ({ keyOrigin, targetOrigin }) => {
        asked.push(`${keyOrigin} -> ${targetOrigin}`)
        return answers.shift() ?? false
      },
    },
  })
})
afterEach(async () => {
  await app.close()
  await saved.close()
  await other.close()
})
afterAll(closeBrowser)

describe('the API key goes only where the user meant', () => {
  it('Test key tests the typed URL, asks before the key goes to a new origin, and refuses plain http elsewhere', async () => {
    const { page } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Keys')
    await page.getByRole('button', { name: 'Create' }).click()
    await connectTo(page, saved.url, KEY)
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog')
    const otherUrl = other.url.replace('127.0.0.1', 'localhost')
    await dialog.getByLabel('Custom base URL').fill(otherUrl)
    answers.push(false)
    await dialog.getByRole('button', { name: 'Test key' }).click()
    await dialog.getByText(/did not send your API key/).waitFor()
    expect(asked).toEqual([`${new URL(saved.url).origin} -> ${new URL(otherUrl).origin}`])
    expect(other.requests).toHaveLength(0)

    answers.push(true)
    await dialog.getByRole('button', { name: 'Test key' }).click()
    await dialog.getByText(/accepted the key/).waitFor()
    expect(other.requests).toHaveLength(1)
    expect(saved.requests).toHaveLength(0)

    await dialog.getByLabel('Custom base URL').fill('http://example.com')
    await dialog.getByText(/only allowed on this computer/).first().waitFor()
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/settings-plain-http-refused.png' })
    await dialog.getByRole('button', { name: 'Test key' }).click()
    await dialog.getByText(/Fix the base URL first/).waitFor()
    expect(other.requests).toHaveLength(1)
    expect(app.logs.filter((line) => line.startsWith('pageerror') || line.includes(KEY))).toEqual([])
  })
})
