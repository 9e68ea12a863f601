import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useAppWithFake, type Fake } from './support/app-with-fake'
import { connectTo } from './support/connect'
import { dropFiles, pngFile } from './support/os-files'

const KEY = 'sk-CANARY-e2e-0123456789'

// Long enough in processing that the first poll (3 s) sees it, as a user watching a real job would.
const world = useAppWithFake({ keys: [KEY], pendingMs: 300, processingMs: 6000 })
let app: Harness
let fake: Fake
beforeEach(() => void ({ app, fake } = world))

const slot = (page: Harness['page'], name: string) => page.getByRole('button', { name, exact: true })

const connectToFake = (page: Harness['page']) => connectTo(page, fake.url, KEY)

describe('a new user drafts and generates a storyboard', () => {
  it('creates a project, drops frames, writes three shots with an element, generates, undoes, and finds it all after reopening', async () => {
    const { page } = app
    await page.getByRole('button', { name: /new project/i }).click()
    await page.getByLabel('Project name').fill('Rainy teaser')
    await page.getByRole('button', { name: 'Create' }).click()
    await slot(page, 'First frame of clip 1').waitFor()
    await page.screenshot({ path: 'test-results/empty-project.png' })

    // Two image files from disk onto the first and last slots of clip 1.
    await dropFiles(page, slot(page, 'First frame of clip 1'), [await pngFile('dawn.png', 640, 360, [240, 140, 40])])
    await dropFiles(page, slot(page, 'Last frame of clip 1'), [await pngFile('dusk.png', 640, 360, [40, 60, 160])])
    await expect.poll(() => slot(page, 'First frame of clip 1').locator('img').count()).toBe(1)
    await expect.poll(() => slot(page, 'Last frame of clip 1').locator('img').count()).toBe(1)

    // An invalid image is refused at the drop with the reason, and nothing changes.
    const before = await page.evaluate(() => window.omniboard.invoke['project:read']({}))
    await dropFiles(page, slot(page, 'First frame of clip 1'), [await pngFile('tiny.png', 200, 200, [0, 200, 0])])
    await page.getByText(/200×200 px/).first().waitFor()
    const after = await page.evaluate(() => window.omniboard.invoke['project:read']({}))
    expect(after.ok && after.value?.project.clips).toEqual(before.ok && before.value?.project.clips)
    expect(after.ok && after.value?.project.assets.length).toBe(2)

    // Three shots whose durations sum to 10 s.
    await page.getByRole('radio', { name: 'Multi-shot' }).click()
    const addShot = page.getByRole('button', { name: 'Add shot' })
    while ((await page.getByRole('textbox', { name: /^Shot \d+ prompt$/ }).count()) < 3) await addShot.click()
    const durations = [3, 4, 3]
    for (const [i, seconds] of durations.entries()) {
      await page.getByRole('textbox', { name: `Shot ${i + 1} prompt`, exact: true }).fill(`Shot ${i + 1}: rain on neon streets, take ${i + 1}`)
      await page.getByLabel(`Shot ${i + 1} duration`, { exact: true }).fill(String(seconds))
      await page.getByLabel(`Shot ${i + 1} duration`, { exact: true }).press('Tab')
    }
    await expect.poll(() => page.getByText('3 of 6 · 10 s').count()).toBe(1)

    // An element made from dropped images, referenced from shot 2.
    await dropFiles(page, page.getByLabel('Create an element from images'), [
      await pngFile('hero-front.png', 400, 600, [200, 180, 160]),
      await pngFile('hero-side.png', 400, 600, [180, 160, 140]),
    ])
    const card = page.getByRole('article', { name: /^Element / })
    await card.first().waitFor()
    // The inspector now holds reference images above the elements: the new card may sit below its fold.
    await card.first().scrollIntoViewIfNeeded()
    await card.first().getByLabel(/^Name of /).fill('Hero')
    await card.first().getByLabel(/^Name of /).press('Tab')
    // A new element joins the selected clip at once.
    await page.getByRole('article', { name: 'Element Hero' }).getByRole('button', { name: /detach/i }).waitFor()
    await page.getByRole('textbox', { name: 'Shot 2 prompt', exact: true }).click()
    await page.getByRole('textbox', { name: 'Shot 2 prompt', exact: true }).press('End')
    await page.getByRole('textbox', { name: 'Shot 2 prompt', exact: true }).pressSequentially(' with @')
    await page.getByRole('option', { name: /Hero/ }).click()
    await expect.poll(() => page.getByRole('textbox', { name: 'Shot 2 prompt', exact: true }).inputValue()).toContain('<<<element_1>>>')

    // Generate against the fake MuleRouter; the take appears at once, progresses and plays.
    await connectToFake(page)
    await page.getByRole('button', { name: /^Generate/ }).click()
    await page.getByRole('listitem', { name: 'Take 1' }).waitFor()
    await page.getByRole('listitem', { name: 'Take 1' }).getByText('Generating', { exact: true }).waitFor({ timeout: 15_000 })
    await page.screenshot({ path: 'test-results/generating.png' })
    await page.getByRole('listitem', { name: 'Take 1' }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })
    await page.getByLabel('Take 1 video').waitFor()
    await page.screenshot({ path: 'test-results/take-done.png' })
    expect(fake.submits()).toHaveLength(1)
    const sent = fake.requests.find((r) => r.route === 'submit')!.body as Record<string, unknown>
    expect(sent['multi_prompt']).toHaveLength(3)
    expect((sent['multi_prompt'] as { duration: number }[]).map((s) => s.duration)).toEqual(durations)
    expect(sent['elements']).toHaveLength(1)
    expect(typeof sent['first_frame']).toBe('string')

    // Undo and redo an edit.
    const title = page.getByLabel('Clip title')
    await title.fill('Neon rain')
    await title.press('Tab')
    await page.keyboard.press('Control+z')
    await expect.poll(() => title.inputValue()).toBe('')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => title.inputValue()).toBe('Neon rain')

    // Close, reopen from the recent list, find everything including the video on disk.
    const snapshot = await page.evaluate(() => window.omniboard.invoke['project:read']({}))
    const projectDir = snapshot.ok ? snapshot.value!.path : ''
    await page.getByRole('button', { name: 'Close project' }).click()
    await page.getByRole('button', { name: /Rainy teaser/ }).first().waitFor()
    // The recent list shows the project as it was left: its first frame as the thumbnail.
    await page.getByRole('button', { name: /Rainy teaser/ }).first().locator('img').waitFor()
    await page.screenshot({ path: 'test-results/welcome-recent.png' })
    await page.getByRole('button', { name: /Rainy teaser/ }).first().click()
    await slot(page, 'First frame of clip 1').locator('img').waitFor()
    expect(await page.getByLabel('Clip title').inputValue()).toBe('Neon rain')
    expect(await page.getByRole('textbox', { name: 'Shot 2 prompt', exact: true }).inputValue()).toContain('<<<element_1>>>')
    await page.getByLabel('Take 1 video').waitFor()

    const saved = JSON.parse(await readFile(join(projectDir, 'project.json'), 'utf8'))
    const take = saved.takes[0]
    expect(take.status).toBe('completed')
    const video = join(projectDir, 'takes', take.files[0].fileName)
    expect(existsSync(video)).toBe(true)
    expect((await stat(video)).size).toBeGreaterThan(1000)
    expect(JSON.stringify(saved)).not.toContain(KEY)
    expect(app.logs.join('\n')).not.toContain(KEY)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('opens the sample project and shows a storyboard with several clips', async () => {
    const { page } = app
    await page.getByRole('button', { name: /sample/i }).first().click()
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    await expect.poll(() => page.getByRole('group', { name: /^Clip \d+$/ }).count()).toBeGreaterThanOrEqual(3)
    await page.waitForTimeout(300)
    await page.screenshot({ path: 'test-results/storyboard.png' })
  })
})

describe('the timeline', () => {
  it('reorders clips by dragging a clip with the mouse, and undo puts it back', async () => {
    const { page } = app
    const titles = async () =>
      page.evaluate(async () => {
        const reply = await window.omniboard.invoke['project:read']({})
        return reply.ok && reply.value ? reply.value.project.clips.map((clip) => clip.title) : []
      })
    await page.getByRole('button', { name: /sample/i }).first().click()
    await page.getByRole('button', { name: 'Move clip 1' }).waitFor()
    const before = await titles()
    const grip = (await page.getByRole('button', { name: 'Move clip 1' }).boundingBox())!
    await page.mouse.move(grip.x + 5, grip.y + 5)
    await page.mouse.down()
    for (let step = 1; step <= 30; step++) await page.mouse.move(grip.x + 5 + step * 20, grip.y + 5)
    await page.mouse.up()
    await expect.poll(titles).toEqual([before[1], before[0], before[2]])
    await page.keyboard.press('Control+z')
    await expect.poll(titles).toEqual(before)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
