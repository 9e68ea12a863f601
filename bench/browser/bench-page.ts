import type { CDPSession, Page } from 'playwright-core'
import type { Storyboard } from '../fixtures/storyboard-project'
import { launchIsolatedHarness, type IsolatedHarness } from './isolated-harness'
import { ipcMeterScript } from './ipc-meter-probe'
import { pageProbeScript } from './page-probe'

export type BenchPage = { harness: IsolatedHarness; page: Page; cdp: CDPSession; close(): Promise<void> }

/**
 * The e2e harness (production renderer, real main-process handlers, here in a process of their own as in
 * Electron) with the page probe installed. The harness
 * has already loaded the page, so the probe is added and the page reloaded: the probe then runs before React.
 * Its Open… dialog answers with the storyboard's folder, so the benchmark opens the project as a user would.
 */
export async function openBenchPage(storyboard: Storyboard): Promise<BenchPage> {
  const harness = await launchIsolatedHarness({ viewport: { width: 1440, height: 900 }, projectFolder: storyboard.dir })
  const { page } = harness
  // One script: Playwright does not promise the order of separate init scripts.
  await page.addInitScript({ content: `${pageProbeScript};\n${ipcMeterScript}` })
  await page.reload()
  await page.getByRole('button', { name: /^open\b/i }).first().waitFor()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return { harness, page, cdp, close: () => harness.close() }
}

/** Reads a value from the probe. A string expression, so nothing compiled by tsx is sent into the page. */
export const probe = <T>(page: Page, expression: string): Promise<T> => page.evaluate(`window.__omniboardBench.${expression}`) as Promise<T>

export async function heapUsedBytes(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN
}
