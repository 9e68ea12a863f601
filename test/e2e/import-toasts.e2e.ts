import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { projectWithTakes } from '../main/handoff/handoff-project'
import { closeBrowser, launchApp, type Harness } from './harness'

let app: Harness | null = null
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app?.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app?.close()
  app = null
})
afterAll(closeBrowser)

const added = 'Added 4 clips from Harbour film.csv.'

describe('after an import', () => {
  it('shows the new clips with the first selected, drops the toast on undo, and leaves none behind a closed and reopened project', async () => {
    const dir = await projectWithTakes()
    app = await launchApp({ dialogs: { chooseProjectFolder: async () => dir } })
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Open…' }).click()
    await page.getByRole('button', { name: 'Export for editor…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export for editor' })
    await dialog.getByRole('radio', { name: /Shot list/ }).check()
    await dialog.getByRole('button', { name: 'Export' }).click()
    await dialog.getByRole('status').waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()

    const importShotList = async () => {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Import shot list…' }).click()
      await (await chooser).setFiles(join(dir, 'exports', 'Harbour film.csv'))
      await page.getByText(added).waitFor()
    }
    await importShotList()
    // The first new clip is on screen inside the track (no scrolling by hand) and is the one being edited.
    const track = page.locator('.timeline__track')
    const first = page.getByRole('group', { name: 'Clip 5' })
    await expect.poll(async () => {
      const [box, inside] = [await track.boundingBox(), await first.boundingBox()]
      return box !== null && inside !== null && inside.x >= box.x && inside.x + 40 <= box.x + box.width
    }).toBe(true)
    expect(await first.getAttribute('class')).toContain('tl-clip--selected')
    await page.screenshot({ path: 'test-results/import-revealed.png' })

    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByText('Clip 8').count()).toBe(0)
    expect(await page.getByText(added).count()).toBe(0)

    await importShotList()
    await page.getByRole('button', { name: 'Close project' }).click()
    await page.getByRole('button', { name: 'Open…' }).waitFor()
    expect(await page.getByText(added).count()).toBe(0)
    await page.getByRole('button', { name: 'Open…' }).click()
    await page.getByRole('group', { name: 'Clip 8' }).or(page.getByRole('group', { name: 'Clip 1' })).first().waitFor()
    expect(await page.getByText(added).count()).toBe(0)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  }, 120_000)
})
