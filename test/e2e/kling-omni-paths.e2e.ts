import { resolve } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMuleRouter } from '../../src/fake-mulerouter'
import { closeBrowser, launchApp, type Harness } from './harness'
import { connectTo } from './support/connect'
import { dropFiles, pngFile } from './support/os-files'

const KEY = 'sk-fake-omni-paths-0123'
// A take the video rules accept (3 s, 1280×720, 24 fps): edits and next shots send it.
const video = resolve(import.meta.dirname, '../fixtures/film/take-720p-3s-silent.mp4')
type Fake = Awaited<ReturnType<typeof startFakeMuleRouter>>
type Page = Harness['page']

let app: Harness
let fake: Fake

beforeEach(async () => {
  fake = await startFakeMuleRouter({ keys: [KEY], pendingMs: 100, processingMs: 300, videoPath: video })
  app = await launchApp({ viewport: { width: 1440, height: 900 } })
})
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
  await app.close()
  await fake.close()
})
afterAll(closeBrowser)

async function newProject(page: Page, name: string, prompt: string) {
  await page.getByRole('button', { name: /new project/i }).click()
  await page.getByLabel('Project name').fill(name)
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  await connectTo(page, fake.url, KEY)
}

async function waitForTake(page: Page, number: number) {
  await page.getByRole('listitem', { name: `Take ${number}` }).getByText(/completed|done/i).waitFor({ timeout: 60_000 })
}

async function generateTake(page: Page, number: number) {
  await page.getByRole('button', { name: /^Generate/ }).click()
  await waitForTake(page, number)
}

/** Each submit the fake saw: its path under kling-v3-omni/, the answer's status and the body it parsed. */
const submits = () => fake.submits().map((request) => ({ path: request.path.replace(/^.*kling-v3-omni\//, ''), status: request.status, body: request.body as Record<string, unknown> }))

describe('Kling V3 Omni paths from the storyboard', () => {
  it('edits a take by instruction, lists the edit with its lineage, compares the two and chooses the edit', async () => {
    const { page } = app
    await newProject(page, 'Harbour edit', 'A lighthouse at dusk, waves crash on the rocks')
    await generateTake(page, 1)

    await page.getByRole('listitem', { name: 'Take 1' }).getByRole('button', { name: 'Edit…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit take 1' })
    await dialog.getByLabel('Instruction').fill('add falling snow')
    const generate = dialog.getByRole('button', { name: /Generate edit · ≈ \$/ })
    await expect.poll(() => generate.getAttribute('aria-disabled'), { timeout: 20_000 }).toBe('false')
    await page.screenshot({ path: 'docs/screenshots/edit-take-dialog.png' })
    await generate.click()
    await dialog.waitFor({ state: 'detached' })

    const edit = page.getByRole('listitem', { name: 'Take 2' })
    await edit.getByText('Edit of take 1: add falling snow').waitFor()
    await waitForTake(page, 2)
    const sent = submits()
    expect(sent.map((s) => [s.path, s.status])).toEqual([['text-to-video/generation', 200], ['video-to-video/edit', 200]])
    expect(sent[1]!.body).toMatchObject({ prompt: expect.stringContaining('add falling snow'), video_list: [expect.objectContaining({ refer_type: 'base', keep_original_sound: 'yes' })] })

    await page.getByRole('checkbox', { name: 'Compare take 1' }).check()
    await page.getByRole('checkbox', { name: 'Compare take 2' }).check()
    await page.getByRole('button', { name: 'Compare 2' }).click()
    const compare = page.getByRole('dialog', { name: 'Compare 2 takes' })
    const diff = compare.getByRole('region', { name: 'Take 2 request changes' })
    await diff.getByText('Edit of take 1: add falling snow').waitFor()
    await diff.getByText('none → take 1').waitFor()
    await compare.getByRole('button', { name: 'Choose take 2' }).click()
    await compare.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('listitem', { name: 'Take 2' }).getByText('Chosen').waitFor()
    expect(fake.submits()).toHaveLength(2)
  })

  it('makes a next shot from a take and generates it', async () => {
    const { page } = app
    await newProject(page, 'Harbour next shot', 'A lighthouse at dusk, slow push in')
    await generateTake(page, 1)

    await page.getByRole('listitem', { name: 'Take 1' }).getByRole('button', { name: 'New shot from this take' }).click()
    await page.getByRole('group', { name: 'Clip 2' }).getByRole('img', { name: 'Next shot of take 1 of clip 1' }).waitFor()
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
    await prompt.fill('The same push in, now inside the lamp room; ')
    await prompt.press('End')
    await prompt.pressSequentially('@')
    await page.getByRole('option', { name: /Take 1/ }).click()
    await expect.poll(() => prompt.inputValue()).toContain('<<<video_1>>>')
    await page.screenshot({ path: 'docs/screenshots/next-shot-clip.png' })
    await generateTake(page, 1)

    const sent = submits()
    expect(sent.map((s) => [s.path, s.status])).toEqual([['text-to-video/generation', 200], ['video-to-video/generation', 200]])
    expect(sent[1]!.body).toMatchObject({ video_list: [expect.objectContaining({ refer_type: 'feature' })] })
    expect(sent[1]!.body['sound']).not.toBe('on')
  })

  it('guides a clip with two reference images dropped from the OS and generates it', async () => {
    const { page } = app
    await newProject(page, 'Harbour references', 'A lighthouse at dusk')
    const panel = page.getByRole('region', { name: 'Reference images' })
    await dropFiles(page, panel.getByRole('button', { name: 'Add a reference image' }).locator('..'), [
      await pngFile('scene.png', 800, 600, [40, 70, 120]),
      await pngFile('style.png', 800, 600, [200, 120, 40]),
    ])
    await panel.getByRole('button', { name: 'Reference image 2', exact: true }).waitFor()
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
    await prompt.press('End')
    await prompt.pressSequentially(' in the style of @')
    await page.getByRole('option', { name: /Image 2/ }).click()
    await generateTake(page, 1)

    const sent = submits()
    expect(sent.map((s) => [s.path, s.status])).toEqual([['reference-to-video/generation', 200]])
    expect(sent[0]!.body['images']).toHaveLength(2)
  })
})
