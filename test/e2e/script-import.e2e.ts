import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { closeBrowser, launchApp, type Harness } from './harness'
import { dropFiles } from './support/os-files'

const scripts = join(import.meta.dirname, '..', 'fixtures', 'scripts')
const fountain = async (name: string) => ({ name, mime: 'text/plain', bytes: await readFile(join(scripts, name)) })

let app: Harness | null = null
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app?.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app?.close()
  app = null
})
afterAll(closeBrowser)

describe('starting from the script', () => {
  it('breaks a dropped .fountain into clips, imports them as one undoable edit, and marks a changed scene on re-import', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Lighthouse')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByText('1 clip', { exact: false }).first().waitFor()
    const track = page.locator('.timeline__track')
    const card = (n: number) => page.getByRole('region', { name: 'Timeline' }).locator(`[aria-label="Clip ${n}"]`)

    await dropFiles(page, track, [await fountain('lighthouse.fountain')])
    const dialog = page.getByRole('dialog', { name: 'Import The Lighthouse Keeper' })
    await dialog.waitFor()
    const scene12 = dialog.getByRole('region', { name: 'Scene 12 INT. LIGHTHOUSE — NIGHT' })
    await scene12.getByText(/p\. 1 · .*pages? · 5 clips/).waitFor()

    // Adjust: leave the flashback out, merge the door scene's first two clips, make the exchange 6 s and speak it.
    await dialog.getByRole('checkbox', { name: 'Import scene 13 FLASHBACK — THE HARBOUR, 1979' }).uncheck()
    const door = dialog.getByRole('region', { name: 'Scene 12A EXT. LIGHTHOUSE DOOR — CONTINUOUS' })
    await door.getByRole('button', { name: 'Merge clip 1 with the next' }).click()
    await door.getByText(/2 shots/).waitFor()
    const exchange = scene12.getByRole('listitem', { name: 'Clip 3' })
    await exchange.getByRole('spinbutton', { name: 'Clip 3 duration in seconds' }).fill('6')
    await exchange.getByRole('button', { name: 'Speak the lines of clip 3' }).click()
    await expect.poll(() => exchange.getByRole('button', { name: 'Speak the lines of clip 3' }).getAttribute('aria-pressed')).toBe('true')
    await exchange.getByText('Élodie', { exact: true }).waitFor()
    await dialog.locator('.dialog__body').evaluate((body) => (body.scrollTop = 0))
    await dialog.screenshot({ path: 'test-results/script-breakdown.png' })

    const importButton = dialog.getByRole('button', { name: /^Import \d+ clips$/ })
    const label = await importButton.textContent()
    const added = Number(/\d+/.exec(label ?? '')![0])
    await importButton.click()
    await page.getByText(`Added ${added} clips from lighthouse.fountain.`).waitFor()
    await page.getByText(`${added + 1} clips`, { exact: false }).first().waitFor()

    // The exchange: element chips in the prompt, and the lines kept as dialogue.
    // Clips 2–3 are the cold open; scene 12 starts at clip 4, and its exchange is clip 6.
    await card(6).getByText('12 INT. LIGHTHOUSE — NIGHT · 3').click()
    const editor = page.getByRole('region', { name: 'Clip 6' })
    expect(await editor.getByRole('textbox', { name: 'Prompt', exact: true }).inputValue()).toContain('"Not tonight. Not on my watch."')
    await editor.getByRole('list', { name: 'Elements referenced' }).getByText('Élodie').waitFor()
    await editor.getByRole('list', { name: 'Elements referenced' }).getByText('Tomas').waitFor()
    await editor.getByRole('region', { name: 'Dialogue' }).getByText('Not tonight. Not on my watch.').waitFor()
    await page.screenshot({ path: 'test-results/script-imported.png' })

    // One Ctrl/Cmd+Z takes the whole import back; redo brings it again.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await page.getByText('1 clip ·', { exact: false }).first().waitFor()
    await page.keyboard.press('Control+Shift+z')
    await page.getByText(`${added + 1} clips`, { exact: false }).first().waitFor()

    // The user rewrites the second action clip of scene 12, then a new draft changes its words (and the first's).
    await card(5).getByText('12 INT. LIGHTHOUSE — NIGHT · 2').click()
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
    await prompt.fill('The lens, close: her sleeve squeaks on the glass.')
    await dropFiles(page, track, [await fountain('lighthouse-draft2.fountain')])
    const draft = page.getByRole('dialog', { name: 'New draft: The Lighthouse Keeper' })
    await draft.getByText('12 INT. LIGHTHOUSE — NIGHT').waitFor()
    const rows = await draft.getByRole('list', { name: 'Scenes' }).getByRole('listitem').allTextContents()
    expect(rows).toEqual(expect.arrayContaining(['Changed12 INT. LIGHTHOUSE — NIGHT', 'New14 INT. LAMP ROOM — LATER']))
    await draft.screenshot({ path: 'test-results/script-new-draft.png' })
    await draft.getByRole('button', { name: 'Apply changes' }).click()
    await card(5).getByText('Script changed').waitFor()
    await card(4).getByText('drags herself up', { exact: false }).waitFor()
    await page.getByRole('region', { name: 'Script changed' }).getByText('polishes', { exact: false }).waitFor()
    expect(await prompt.inputValue()).toBe('The lens, close: her sleeve squeaks on the glass.')
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
