import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { pdfPageCount, projectWithTakes } from '../main/handoff/handoff-project'
import { closeBrowser, launchApp, type Harness } from './harness'

let app: Harness | null = null
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app?.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app?.close()
  app = null
})
afterAll(closeBrowser)

const firstTargetUrl = (otio: string) => /"target_url": "([^"]+)"/.exec(otio)?.[1]

describe('handing the storyboard to an editor', () => {
  it('exports an .otio and a printable storyboard PDF from the title bar into the project’s exports folder', async () => {
    const dir = await projectWithTakes()
    app = await launchApp({ dialogs: { chooseProjectFolder: async () => dir } })
    const { page } = app
    await page.getByRole('button', { name: 'Open…' }).click()
    // The first clip's shots differ from its take's request: each shot's line names it.
    const changed = page.getByRole('region', { name: 'Changed since its take' })
    await changed.getByText('Shot 2:').waitFor()
    await changed.screenshot({ path: 'test-results/changed-since-take.png' })
    await page.getByRole('button', { name: 'Export for editor…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export for editor' })

    await dialog.getByRole('button', { name: 'Export' }).click()
    await dialog.getByRole('status').getByText(join(dir, 'exports', 'Harbour film.otio')).waitFor()
    const otio = await readFile(join(dir, 'exports', 'Harbour film.otio'), 'utf8')
    expect((JSON.parse(otio) as { OTIO_SCHEMA: string }).OTIO_SCHEMA).toBe('Timeline.1')
    expect(firstTargetUrl(otio)).toBe(pathToFileURL(join(dir, 'takes', 'take-h2-0.mp4')).href)
    await dialog.getByRole('button', { name: 'Show in folder' }).waitFor()

    // For moving the project folder: paths relative to the .otio instead.
    await dialog.getByRole('checkbox', { name: /Media paths relative to the \.otio/ }).check()
    await dialog.getByRole('button', { name: 'Export' }).click()
    await dialog.getByRole('status').getByText(join(dir, 'exports', 'Harbour film.otio')).waitFor()
    await page.screenshot({ path: 'test-results/export-otio-relative.png' })
    expect(firstTargetUrl(await readFile(join(dir, 'exports', 'Harbour film.otio'), 'utf8'))).toBe('../takes/take-h2-0.mp4')

    await dialog.getByRole('radio', { name: /Printable storyboard/ }).check()
    await dialog.getByRole('button', { name: 'Export' }).click()
    await dialog.getByRole('status').getByText(join(dir, 'exports', 'Harbour film.pdf')).waitFor()
    await page.screenshot({ path: 'test-results/export-for-editor.png' })
    expect(pdfPageCount(await readFile(join(dir, 'exports', 'Harbour film.pdf')))).toBe(2)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('imports the exported shot list back as four more clips, and one undo takes them away again', async () => {
    const dir = await projectWithTakes()
    app = await launchApp({ dialogs: { chooseProjectFolder: async () => dir } })
    const { page } = app
    await page.getByRole('button', { name: 'Open…' }).click()
    await page.getByRole('button', { name: 'Export for editor…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export for editor' })
    await dialog.getByRole('radio', { name: /Shot list/ }).check()
    await dialog.getByRole('button', { name: 'Export' }).click()
    await dialog.getByRole('status').waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()

    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import shot list…' }).click()
    await (await chooser).setFiles(join(dir, 'exports', 'Harbour film.csv'))
    await page.getByText('Added 4 clips from Harbour film.csv.').waitFor()
    await page.getByText('8 clips', { exact: false }).first().waitFor()
    // The new clips sit at the end of the track, which mounts only the clips near the view: scroll there.
    await page.locator('.timeline__track').evaluate((track) => (track.scrollLeft = track.scrollWidth))
    await page.getByText('Clip 8').first().waitFor()
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByText('Clip 8').count()).toBe(0)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
