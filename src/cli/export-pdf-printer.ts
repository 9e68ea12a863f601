import { existsSync } from 'node:fs'
import type { PdfPrinter } from '../main/services/handoff/pdf-printer'
import { pdfPage } from '../main/services/handoff/pdf-printer'

/** Where the CLI looks for a Chromium to print with: CHROMIUM_PATH when set (and only there), else the usual places. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): string | null {
  const chosen = env['CHROMIUM_PATH']
  const candidates = chosen ? [chosen] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/Applications/Chromium.app/Contents/MacOS/Chromium']
  return candidates.find((candidate) => existsSync(candidate)) ?? null
}

/**
 * Prints with headless Chromium through playwright-core, which the terminal has where Omniboard was installed from
 * source; without it (or without Chromium) there is no printer and `--pdf` says to use the app.
 */
export async function chromiumPdfPrinter(executablePath: string): Promise<PdfPrinter | null> {
  const playwright = await import('playwright-core').catch(() => null)
  if (!playwright) return null
  return {
    async printHtml(html) {
      const browser = await playwright.chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
      try {
        const page = await browser.newPage({ javaScriptEnabled: false })
        await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await page.pdf(pdfPage))
      } finally {
        await browser.close()
      }
    },
  }
}
