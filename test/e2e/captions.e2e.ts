import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { bundledFfmpegPath } from '../../src/main/services/ffmpeg/ffmpeg'
import { parseSubtitles } from '../support/subtitle-parser'
import { closeBrowser, launchApp, type Harness } from './harness'
import { dropFiles } from './support/os-files'

const run = promisify(execFile)
const scripts = join(import.meta.dirname, '..', 'fixtures', 'scripts')

let app: Harness | null = null
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app?.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app?.close()
  app = null
})
afterAll(closeBrowser)

describe('captions', () => {
  it('turns an imported scene’s dialogue into caption lines, edits one, and exports the film with them as a subtitle track', async () => {
    app = await launchApp()
    const { page, logs } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Lighthouse')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByText('1 clip', { exact: false }).first().waitFor()
    await dropFiles(page, page.locator('.timeline__track'), [{ name: 'lighthouse.fountain', mime: 'text/plain', bytes: await readFile(join(scripts, 'lighthouse.fountain')) }])
    const importButton = page.getByRole('dialog').getByRole('button', { name: /^Import \d+ clips$/ })
    await importButton.click()
    await page.getByText(/^Added \d+ clips from lighthouse\.fountain\.$/).waitFor()

    // Clip 6 is scene 12's exchange: its lines come from the script, spread over its seconds.
    await page.getByRole('region', { name: 'Timeline' }).locator('[aria-label="Clip 6"]').getByText('12 INT. LIGHTHOUSE — NIGHT · 3').click()
    const captions = page.getByRole('region', { name: 'Clip 6' }).getByRole('region', { name: 'Captions' })
    await captions.getByRole('button', { name: 'Captions from the script' }).click()
    await expect.poll(() => captions.getByRole('textbox', { name: /^Caption \d+ text$/ }).count()).toBeGreaterThanOrEqual(2)
    const first = captions.getByRole('textbox', { name: 'Caption 1 text' })
    expect(await first.inputValue()).toBe('Not tonight. Not on my watch.')
    expect(await captions.getByRole('textbox', { name: 'Caption 1 speaker' }).inputValue()).toBe('ÉLODIE')
    await first.fill('Not tonight. Not while I keep this light.')
    await captions.getByRole('button', { name: 'Add line' }).click()
    const lines = await captions.getByRole('textbox', { name: /^Caption \d+ text$/ }).count()
    await captions.getByRole('textbox', { name: `Caption ${lines} text` }).fill('(thunder)')
    const end = captions.getByRole('textbox', { name: `Caption ${lines} end (seconds)` })
    await end.fill('30')
    await end.press('Enter')
    await captions.getByText(/Runs past the clip’s end/).waitFor()
    // The import's toast would cover the timeline in the screenshot.
    await page.getByRole('button', { name: 'Dismiss notification' }).first().click()
    await captions.scrollIntoViewIfNeeded()
    await page.waitForTimeout(200)
    await page.screenshot({ path: 'docs/screenshots/captions.png' })

    await page.getByRole('button', { name: 'Export film…' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Export film' })
    await dialog.getByRole('radio', { name: /Hold a still for clips without a take/ }).check()
    await dialog.getByRole('radio', { name: 'Subtitle track' }).click()
    await dialog.getByText(/A track players switch on and off/).waitFor()
    await dialog.getByRole('radio', { name: 'Burned in' }).click()
    await dialog.getByRole('radio', { name: 'Large' }).waitFor()
    await page.screenshot({ path: 'test-results/film-export-captions.png' })
    await dialog.getByRole('radio', { name: 'Subtitle track' }).click()
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await dialog.getByText(/^Exported \d+:\d\d\.\d of film/).waitFor({ timeout: 120_000 })
    const film = (await dialog.locator('.film-export__path').textContent()) ?? ''
    expect(existsSync(film)).toBe(true)

    const { stdout } = await run(bundledFfmpegPath(), ['-v', 'error', '-i', film, '-map', '0:s:0', '-f', 'srt', 'pipe:1'])
    const cues = parseSubtitles(`${stdout.replace(/\r\n/g, '\n').replace(/<\/?font[^>]*>/g, '').trimEnd()}\n`, 'srt')
    expect(cues[0]!.text).toBe('ÉLODIE: Not tonight. Not while I keep this light.')
    // The film's clips 1–5 come first: the first caption starts where clip 6 does, not at 0.
    expect(cues[0]!.startMs).toBeGreaterThan(5000)
    // The added line overlaps Tomas's: the track shows them together. It asked for 30 s; it ends with its clip.
    expect(cues.filter((cue) => cue.text.includes('(thunder)')).length).toBeGreaterThan(0)
    expect(cues.at(-1)).toMatchObject({ text: '(thunder)\nTOMAS: Élodie! Open the door!' })
    expect(cues.at(-1)!.endMs - cues[0]!.startMs).toBe(4000)
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
