import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import type { Harness } from './harness'
import { useAppWithFake } from './support/app-with-fake'
import { connectTo } from './support/connect'

const KEY = 'sk-fake-keyboard-0123456789'
const world = useAppWithFake({ keys: [KEY], pendingMs: 200, processingMs: 1500 })
type Page = Harness['page']

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: /sample/i }).first().click()
  await page.getByRole('region', { name: 'Timeline' }).waitFor()
}

/** The focused element's role and name, whether focus counts as keyboard focus, and whether a ring shows. */
const focusedControl = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !/rgba\(.*, 0\)$/.test(style.outlineColor)
    const labelledBy = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
    const label = el.getAttribute('aria-label') ?? labelledBy ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? ''
    return {
      name: `${el.getAttribute('role') ?? el.tagName.toLowerCase()} "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}"`,
      focusVisible: el.matches(':focus-visible'),
      ring: outline || style.boxShadow !== 'none',
    }
  })

/** The main controls of the editor, one per area, as `focusedControl` names them. */
const MAIN_CONTROLS = [
  /^button "File"$/, /^input "Project name"$/, /^button "Play film"$/, /^button "Queue"$/, /^button "Spent/, /^button "Settings"$/,
  /^button "Import…"$/, /^li "dusk\.png/, /^separator "Resize the asset bin"$/, /^input "Clip title"$/, /^radio "Single prompt"$/,
  /^textarea "Prompt"$/, /^textarea "Negative prompt"$/, /^button "Generate/, /^button "More ways to generate"$/, /^radio "Pro/,
  /^input "Duration"$/, /^switch "Sound/, /^input "Name of The keeper"$/, /^button "Clip"$/, /^input "Zoom"$/, /^button "Move clip 1"$/,
  /^button "First frame of clip 1"$/, /^button "Last frame of clip 1"$/, /^separator "Boundary between shot 1 and shot 2 of clip 2"$/,
]

describe('keyboard and screen-reader use', () => {
  it('reaches every main control of the editor with Tab, each with a visible focus ring', async () => {
    const { page } = world.app
    await openSample(page)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    const reached: string[] = []
    const noRing: string[] = []
    for (let i = 0; i < 150 && !(reached.length > 1 && reached.at(-1) === reached[0]); i++) {
      await page.keyboard.press('Tab')
      const control = await focusedControl(page)
      if (!control) continue
      reached.push(control.name)
      if (!control.focusVisible || !control.ring) noRing.push(control.name)
    }
    expect(MAIN_CONTROLS.filter((control) => !reached.some((name) => control.test(name))), `reached:\n${reached.join('\n')}`).toEqual([])
    expect([...new Set(noRing)], 'no visible focus ring').toEqual([])
  })

  it('keeps focus inside the generate confirm, settings and editor dialogs, rings each control, and gives focus back to the opener', async () => {
    const { page } = world.app
    await openSample(page)
    await connectTo(page, world.fake.url, KEY)
    const insideOpenDialog = () => page.evaluate(() => document.activeElement?.closest('dialog[open], [role="dialog"]') != null)
    const noRing = new Set<string>()

    async function tabsStayInside(opener: Locator, dialogName: string | RegExp): Promise<void> {
      await opener.focus()
      await opener.evaluate((el) => el.setAttribute('data-opener', ''))
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: dialogName })
      await dialog.waitFor()
      expect(await insideOpenDialog(), `focus moved into "${dialogName}"`).toBe(true)
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < 30; i++) {
          await page.keyboard.press(key)
          expect(await insideOpenDialog(), `${key} × ${i + 1} left "${dialogName}"`).toBe(true)
          const control = await focusedControl(page)
          if (control && (!control.focusVisible || !control.ring)) noRing.add(`${dialogName}: ${control.name}`)
        }
      }
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-opener') ?? false), `focus back on the opener of "${dialogName}"`).toBe(true)
      await opener.evaluate((el) => el.removeAttribute('data-opener'))
    }

    await tabsStayInside(page.getByRole('button', { name: 'Settings' }), 'Settings')
    await tabsStayInside(page.getByRole('button', { name: 'Export for editor…' }), 'Export for editor')
    await tabsStayInside(page.getByRole('button', { name: 'Keyboard shortcuts' }), 'Keyboard shortcuts')
    await tabsStayInside(page.getByRole('button', { name: 'Last frame of clip 3', exact: true }), /^Choose an image/)
    const clip = (n: number) => page.getByRole('group', { name: `Clip ${n}` }).getByText(`Clip ${n}`, { exact: true })
    await clip(1).click()
    await clip(2).click({ modifiers: ['Shift'] })
    await tabsStayInside(page.getByRole('button', { name: /^Generate 2 clips/ }), 'Queue 2 takes?')
    expect([...noRing], 'no visible focus ring').toEqual([])
  })

  it('announces a take politely as it goes from queued to generating to done, without taking the focus', async () => {
    const { page } = world.app
    await openSample(page)
    await connectTo(page, world.fake.url, KEY)
    const live = page.getByRole('status', { name: 'Generation progress' })
    expect(await live.getAttribute('aria-live')).toBe('polite')
    await live.evaluate((region) => {
      const heard: string[] = []
      Object.assign(window, { heard })
      new MutationObserver(() => heard.push(region.textContent ?? '')).observe(region, { childList: true, subtree: true, characterData: true })
    })
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard)

    // Paused, the take waits in the queue: that is the first thing said.
    await page.getByRole('button', { name: 'Queue', exact: true }).click()
    const panel = page.getByRole('complementary', { name: 'Queue' })
    await panel.getByRole('button', { name: 'Pause queue' }).click()
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
    await prompt.focus()
    await page.keyboard.press('ControlOrMeta+Enter')
    await expect.poll(heard).toEqual(['Clip 1, take 1: Queued'])
    expect(await prompt.evaluate((el) => el === document.activeElement)).toBe(true)
    await panel.getByRole('button', { name: 'Resume queue' }).click()
    await expect.poll(heard, { timeout: 30_000 }).toEqual(['Clip 1, take 1: Queued', 'Clip 1, take 1: Generating', 'Clip 1, take 1: Done'])
    expect(await live.textContent()).toBe('Clip 1, take 1: Done')
  })
})
