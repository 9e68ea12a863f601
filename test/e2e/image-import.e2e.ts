import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { closeBrowser, launchApp, type Harness } from './harness'
import { dropFiles, type DiskFile } from './support/os-files'

let app: Harness
let web: Server
let webUrl: string
const fixture = async (name: string, mime: string): Promise<DiskFile> => ({ name, mime, bytes: await readFile(join(__dirname, '../fixtures/images', name)) })

beforeAll(async () => {
  const avif = await readFile(join(__dirname, '../fixtures/images/marker.avif'))
  web = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/avif' }).end(avif))
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/gallery/harbour.avif`
})
beforeEach(async () => {
  app = await launchApp()
})
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app.close()
})
afterAll(async () => {
  web.close()
  await closeBrowser()
})

const slot = (page: Harness['page'], name: string) => page.getByRole('button', { name, exact: true })

describe('importing what film makers have', () => {
  it('converts a WebP, crops a panorama to the clip’s 16:9, and takes an image dragged from a web page', async () => {
    const { page } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Harbour')
    await page.getByRole('button', { name: 'Create' }).click()
    await slot(page, 'First frame of clip 1').waitFor()

    await dropFiles(page, slot(page, 'First frame of clip 1'), [await fixture('marker.webp', 'image/webp')])
    await page.locator('.tl-slot--first img').waitFor()
    const tile = page.getByRole('listitem', { name: /marker\.webp.*converted from WebP/ })
    await tile.waitFor()
    expect(await tile.textContent()).toContain('converted from WebP')
    await page.getByText('Imported marker.webp: converted from WebP.').waitFor()

    await dropFiles(page, slot(page, 'Last frame of clip 1'), [await fixture('panorama-4x1.png', 'image/png')])
    const refusal = page.getByRole('alert').filter({ hasText: 'aspect ratio of 4:1' })
    await refusal.waitFor()
    await page.screenshot({ path: 'test-results/import-refused-offers-crop.png' })
    await refusal.getByRole('button', { name: 'Crop to 16:9…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Crop panorama-4x1.png' })
    await dialog.getByText('533×300 px').waitFor()
    await dialog.locator('.crop__image').waitFor()
    await page.screenshot({ path: 'test-results/crop-dialog.png' })
    await dialog.getByRole('button', { name: 'Crop to 16:9' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.locator('.tl-slot--last img').waitFor()
    await page.getByRole('listitem', { name: /panorama-4x1\.png, 533×300 px, cropped/ }).waitFor()

    // A picture dragged out of a browser window: its address, no file. The test server is on this computer, so
    // Omniboard asks before downloading from it.
    await dropUrl(page, page.getByRole('complementary', { name: 'Assets' }), webUrl)
    const question = page.getByRole('dialog', { name: 'Download from a private address?' })
    await question.getByText('which is on this computer').waitFor()
    await question.getByRole('button', { name: 'Download', exact: true }).click()
    await page.getByRole('listitem', { name: /harbour\.avif, 400×300 px, converted from AVIF/ }).waitFor()
    await page.screenshot({ path: 'test-results/imported-and-cropped.png' })
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

async function dropUrl(page: Harness['page'], target: ReturnType<Harness['page']['locator']>, url: string) {
  const dataTransfer = await page.evaluateHandle((href) => {
    const transfer = new DataTransfer()
    transfer.setData('text/uri-list', href)
    transfer.setData('text/plain', href)
    return transfer
  }, url)
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer })
  await dataTransfer.dispose()
}
