import type { Browser } from 'playwright-core'
import { pdfPage, type PdfPrinter } from '../../../src/main/services/handoff/pdf-printer'

/** The harness's stand-in for Electron's printToPDF: the same HTML printed by headless Chromium's page.pdf(). */
export function pagePdfPrinter(browser: () => Promise<Browser>): PdfPrinter {
  return {
    async printHtml(html) {
      const context = await (await browser()).newContext({ javaScriptEnabled: false })
      try {
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await page.pdf(pdfPage))
      } finally {
        await context.close()
      }
    },
  }
}
