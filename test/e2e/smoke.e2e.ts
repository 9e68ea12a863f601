import { mkdir } from 'node:fs/promises'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBrowser, launchApp, type Harness } from './harness'

let app: Harness

beforeEach(async () => {
  app = await launchApp()
})
afterEach(async () => app.close())
afterAll(closeBrowser)

describe('first start', () => {
  it('opens on a welcome screen offering a new project, opening one and the recent list', async () => {
    const { page } = app
    await expect.poll(() => page.getByRole('button', { name: /new project/i }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: /open/i }).first().isVisible()).toBe(true)
    expect(await page.getByText(/recent/i).first().isVisible()).toBe(true)
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/welcome.png' })
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('round-trips a call over the contract and rejects a malformed payload with a typed error', async () => {
    const replies = await app.page.evaluate(async () => {
      const { invoke } = window.omniboard
      return {
        info: await invoke['app:info']({}),
        bad: await (invoke['project:open'] as (payload: unknown) => Promise<unknown>)({ path: 42 }),
      }
    })
    expect(replies.info).toMatchObject({ ok: true, value: { name: 'Omniboard', platform: process.platform } })
    expect(replies.bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
  })

  it('exposes exactly the contract on window.omniboard and nothing from Node', async () => {
    const shape = await app.page.evaluate(() => ({
      invoke: Object.keys(window.omniboard.invoke).sort(),
      on: Object.keys(window.omniboard.on).sort(),
      top: Object.keys(window.omniboard).sort(),
      frozen: Object.isFrozen(window.omniboard) && Object.isFrozen(window.omniboard.invoke),
      node: typeof (window as unknown as { require?: unknown }).require + typeof (window as unknown as { process?: unknown }).process,
    }))
    const { channelNames, eventNames } = await import('../../src/shared/ipc/contract')
    expect(shape.invoke).toEqual([...channelNames].sort())
    expect(shape.on).toEqual([...eventNames].sort())
    expect(shape.top).toEqual(['invoke', 'on'])
    expect(shape.frozen).toBe(true)
    expect(shape.node).toBe('undefinedundefined')
  })
})

describe('the very first start', () => {
  it('opens the sample project so a new user sees a full storyboard, and only the first time', async () => {
    const first = await launchApp({ firstStart: true })
    try {
      await first.page.getByRole('region', { name: 'Timeline' }).waitFor()
      await expect.poll(() => first.page.getByRole('group', { name: /^Clip \d+$/ }).count()).toBeGreaterThanOrEqual(3)
      const reply = await first.page.evaluate(() => window.omniboard.invoke['app:firstStart']({}))
      expect(reply).toEqual({ ok: true, value: null })
    } finally {
      await first.close()
    }
  })
})
