import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake } from './support/app-with-fake'
import { seriousViolations } from './support/axe-audit'
import { connectTo } from './support/connect'
import { dropFiles, pngFile } from './support/os-files'

const KEY = 'sk-fake-a11y-0123456789'
const world = useAppWithFake({ keys: [KEY], pendingMs: 200, processingMs: 600 })
type Page = Harness['page']

const clipHeading = (page: Page, n: number) => page.getByRole('group', { name: `Clip ${n}` }).getByText(`Clip ${n}`, { exact: true })

async function generateTake(page: Page, number: number): Promise<void> {
  await page.getByRole('button', { name: /^Generate/ }).click()
  await page.getByRole('listitem', { name: `Take ${number}` }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })
}

describe('accessibility audit (axe-core, WCAG 2.1 A/AA)', () => {
  it('finds no serious or critical violation on any screen: welcome, editor, each panel, menu and dialog, film player and compare', async () => {
    const { page } = world.app
    const found: string[] = []
    const audit = async (screen: string) => found.push(...(await seriousViolations(page, screen)))
    const closeDialog = async (name: string | RegExp) => {
      const dialog = page.getByRole('dialog', { name })
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click()
      await dialog.waitFor({ state: 'detached' })
    }

    await page.getByRole('button', { name: /new project/i }).waitFor()
    await audit('welcome')

    await page.getByRole('button', { name: /sample/i }).first().click()
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    await audit('editor (clip editor, inspector, elements, asset bin, timeline)')
    await clipHeading(page, 2).click()
    await page.getByRole('textbox', { name: 'Shot 1 prompt', exact: true }).waitFor()
    await audit('editor, multi-shot clip')
    await page.getByRole('button', { name: 'File' }).click()
    await page.getByRole('menu', { name: 'File' }).waitFor()
    await audit('file menu')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'More ways to generate' }).click()
    await page.getByRole('menu', { name: 'Generate' }).waitFor()
    await audit('generate menu')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Last frame of clip 3', exact: true }).click()
    await page.getByRole('dialog', { name: /^Choose an image/ }).waitFor()
    await audit('image picker')
    await page.keyboard.press('Escape')

    await connectTo(page, world.fake.url, KEY)
    await clipHeading(page, 1).click()
    await generateTake(page, 1)
    await generateTake(page, 2)
    await audit('editor with takes')
    await page.screenshot({ path: 'test-results/a11y-editor.png' })

    await page.getByRole('checkbox', { name: 'Compare take 1' }).check()
    await page.getByRole('checkbox', { name: 'Compare take 2' }).check()
    await page.getByRole('button', { name: 'Compare 2' }).click()
    await page.getByRole('dialog', { name: 'Compare 2 takes' }).getByRole('region', { name: 'Take 2 request changes' }).waitFor()
    await audit('compare')
    await closeDialog('Compare 2 takes')

    await clipHeading(page, 3).click({ modifiers: ['Shift'] })
    await page.getByRole('button', { name: /^Generate 3 clips/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Queue 3 takes?' })
    await confirm.getByRole('listitem').first().waitFor()
    await audit('generate confirm')
    await confirm.getByRole('button', { name: 'Queue 3 takes' }).click()
    const queue = page.getByRole('complementary', { name: 'Queue' })
    await queue.getByRole('listitem').first().waitFor()
    await audit('queue panel')
    await queue.getByText(/^Nothing queued/).waitFor({ timeout: 60_000 })
    await audit('queue panel, all done')
    await queue.getByRole('button', { name: 'Close the queue' }).click()

    await page.getByRole('button', { name: /Spent/ }).click()
    await page.getByRole('dialog', { name: 'Spend (estimates)' }).getByRole('table').waitFor()
    await audit('ledger')
    await closeDialog('Spend (estimates)')

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).waitFor()
    await audit('settings')
    await closeDialog('Settings')

    await page.locator('body').press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await audit('keyboard shortcuts')
    await closeDialog('Keyboard shortcuts')

    await page.getByRole('button', { name: 'Export for editor…' }).click()
    await page.getByRole('dialog', { name: 'Export for editor' }).waitFor()
    await audit('hand-off export')
    await closeDialog('Export for editor')

    await page.getByRole('button', { name: 'Export film…' }).first().click()
    await page.getByRole('dialog', { name: 'Export film' }).waitFor()
    await audit('film export')
    await closeDialog('Export film')

    const script = { name: 'lighthouse.fountain', mime: 'text/plain', bytes: await readFile(join(import.meta.dirname, '..', 'fixtures', 'scripts', 'lighthouse.fountain')) }
    await dropFiles(page, page.locator('.timeline__track'), [script])
    await page.getByRole('dialog', { name: 'Import The Lighthouse Keeper' }).getByRole('region').first().waitFor()
    await audit('script import')
    await closeDialog('Import The Lighthouse Keeper')

    await dropFiles(page, page.getByRole('button', { name: 'Last frame of clip 1', exact: true }), [await pngFile('panorama.png', 1600, 400, [40, 80, 120])])
    await page.getByRole('alert').filter({ hasText: 'aspect ratio' }).getByRole('button', { name: /^Crop to/ }).click()
    await page.getByRole('dialog', { name: 'Crop panorama.png' }).locator('.crop__image').waitFor()
    await audit('crop')
    await closeDialog('Crop panorama.png')

    await page.getByRole('button', { name: 'Play film' }).click()
    await page.getByRole('region', { name: 'Film player' }).waitFor()
    await audit('film player')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'File' }).click()
    await page.getByRole('menuitem', { name: 'New project…' }).click()
    const naming = page.getByRole('dialog', { name: 'New project' })
    await naming.getByLabel('Project name').fill('Harbour')
    await audit('new project dialog')
    await naming.getByRole('button', { name: 'Create' }).click()
    await naming.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'First frame of clip 1', exact: true }).waitFor()
    await audit('empty project')
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Fog rolls over the harbour. '.repeat(100))
    await page.getByText(/The prompt is [\d,]+ characters/).first().waitFor()
    await audit('a clip with errors')
    await page.getByRole('button', { name: 'File' }).click()
    await page.getByRole('menuitem', { name: 'Close project' }).click()
    await page.getByRole('button', { name: /Harbour/ }).first().waitFor()
    await audit('welcome with recent projects')

    expect(found, found.join('\n')).toEqual([])
  }, 360_000)
})
