import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import sharp from 'sharp'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'
import { dropFiles, type DiskFile } from './support/os-files'

const KEY = 'sk-CANARY-e2e-upload-0123456789'
let app: Harness
let fake: Fake

const world = useAppWithFake({ keys: [KEY], pendingMs: 300, processingMs: 1000 })
beforeEach(() => void ({ app, fake } = world))

/** A photo-sized PNG: random pixels do not compress, so it stays near 4.8 MB. */
async function photo(name: string): Promise<DiskFile> {
  const bytes = await sharp(randomBytes(1600 * 1000 * 3), { raw: { width: 1600, height: 1000, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer()
  return { name, mime: 'image/png', bytes }
}

describe('generating over a slow connection', () => {
  it('shows the upload going out on the take row, and the take goes on to generate', async () => {
    const { page } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Hotel wifi')
    await page.getByRole('button', { name: 'Create' }).click()
    const first = page.getByRole('button', { name: 'First frame of clip 1', exact: true })
    await first.waitFor()
    await dropFiles(page, first, [await photo('lobby.png')])
    await dropFiles(page, page.getByRole('button', { name: 'Last frame of clip 1', exact: true }), [await photo('street.png')])
    await expect.poll(() => page.getByRole('button', { name: 'Last frame of clip 1', exact: true }).locator('img').count(), { timeout: 20_000 }).toBe(1)
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('The camera drifts from the hotel lobby out into the rain')

    await connectTo(page, fake.url, KEY)

    fake.setFault('submit', { kind: 'throttleUpload', bytesPerSecond: 1_000_000 })
    await page.getByRole('button', { name: /^Generate/ }).click()
    const row = page.getByRole('listitem', { name: 'Take 1' })
    await row.getByText(/^Uploading [\d.]+ of 12 MB · [\d.]+ MB\/s · about .+ left$/).waitFor({ timeout: 15_000 })
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/uploading.png' })
    // The Queue panel says the same, in its narrower column.
    await page.keyboard.press('Control+Shift+Q')
    const queued = page.getByRole('complementary', { name: 'Queue' }).getByRole('listitem', { name: 'Clip 1, take 1' })
    await queued.getByText(/^Uploading [\d.]+ of 12 MB · ([\d.]+ MB\/s · about .+ left|waiting for MuleRouter's answer)$/).waitFor({ timeout: 15_000 })
    await page.screenshot({ path: 'test-results/uploading-queue.png' })
    await row.getByText('Generating', { exact: true }).or(row.getByText(/done/i)).first().waitFor({ timeout: 30_000 })
    expect(fake.createdTaskIds()).toHaveLength(1)
  }, 90_000)
})
