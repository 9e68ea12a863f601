import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBrowser, launchApp, type Harness } from './harness'

let app: Harness

beforeEach(async () => {
  app = await launchApp({ demo: true })
})
afterEach(async () => app.close())
afterAll(closeBrowser)

describe('npm run demo', () => {
  it('opens the sample in its own profile with a demo banner, and generates against the built-in fake without any setup', async () => {
    const { page } = app
    await page.getByRole('note').getByText('Demo — videos are test patterns, nothing is charged').waitFor()
    await page.getByRole('region', { name: 'Timeline' }).waitFor()

    // Its own profile: the sample lives in the demo's folders, settings point at a loopback fake, the key is for this session.
    const state = await page.evaluate(async () => {
      const [project, settings] = await Promise.all([window.omniboard.invoke['project:read']({}), window.omniboard.invoke['settings:get']({})])
      return { path: project.ok ? project.value?.path : null, settings: settings.ok ? settings.value : null }
    })
    expect(state.path?.startsWith(app.demoProfile!.documentsDir)).toBe(true)
    expect(state.settings).toMatchObject({ baseUrlPreset: 'custom', hasApiKey: true, keyStorage: 'session' })
    expect(state.settings?.customBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(existsSync(app.documentsDir) ? await readdir(app.documentsDir) : []).toEqual([])

    // A generation goes straight through to a finished take.
    await page.getByRole('button', { name: /^Generate/ }).click()
    await page.getByRole('listitem', { name: 'Take 1' }).getByText(/completed|done/i).waitFor({ timeout: 30_000 })
    await page.getByLabel('Take 1 video').waitFor()
    const takes = await readdir(join(state.path!, 'takes'))
    expect(takes.some((name) => name.endsWith('.mp4'))).toBe(true)
    await page.screenshot({ path: 'test-results/demo.png' })
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
