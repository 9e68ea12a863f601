import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { preloadInPage } from '../preload-shim'
import type { HarnessFrame } from './harness-main'

export type HarnessPage = {
  context: BrowserContext
  page: Page
  /** Delivers a main-process event to the page's preload listeners. */
  emit(event: string, payload: unknown): void
  close(): Promise<void>
}

/**
 * The renderer side of the browser harness: a fresh Chromium context running the built preload over
 * `exposeBinding`, whose calls go to `dispatch` (the main side, wherever it runs). Page errors and CSP violations
 * are added to `logs`: the packaged app would break the same way.
 */
export async function openHarnessPage(options: {
  browser: Browser
  outDir: string
  viewport: { width: number; height: number }
  dispatch(channel: string, payload: unknown, frame: HarnessFrame): Promise<unknown>
  logs: string[]
}): Promise<HarnessPage> {
  const preloadSource = await readFile(join(options.outDir, 'preload', 'index.cjs'), 'utf8')
  const context = await options.browser.newContext({ viewport: options.viewport })
  const page = await context.newPage()
  let closed = false
  // Replies cross CDP as one JSON string (the preload shim parses it): Playwright's own serialization walks every
  // value, which for a 1,000-clip snapshot took most of a second, where Electron's structured clone takes a few ms.
  // Replies are JSON by contract (no bytes travel main → renderer); requests keep Playwright's serialization.
  await page.exposeBinding('__omniboardInvokeJson', async (source, channel: string, payload: unknown) =>
    JSON.stringify(await options.dispatch(channel, payload, { isTopFrame: source.frame === page.mainFrame(), url: source.frame.url() })),
  )
  await page.addInitScript({ content: preloadInPage(preloadSource) })
  page.on('pageerror', (error) => options.logs.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) options.logs.push(`pageerror: CSP: ${message.text()}`)
  })
  return {
    context,
    page,
    emit(event, payload) {
      if (closed) return
      page.evaluate(([name, data]) => (window as unknown as { __omniboardEmit(e: string, p: unknown): void }).__omniboardEmit(name, data), [event, payload] as const).catch(() => {})
    },
    async close() {
      closed = true
      await context.close()
    },
  }
}
