import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserWindow } from 'electron'
import type { PdfPrinter } from './services/handoff/pdf-printer'

/**
 * Prints with `webContents.printToPDF` in a hidden, sandboxed window without JavaScript or preload. The page goes
 * through a temporary file because Chromium caps URLs at 2 MB, which a storyboard's inlined frames can pass.
 */
export const electronPdfPrinter: PdfPrinter = {
  async printHtml(html) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-print-'))
    const file = path.join(dir, 'storyboard.html')
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
    })
    try {
      await fs.writeFile(file, html)
      await window.loadFile(file)
      return new Uint8Array(await window.webContents.printToPDF({ pageSize: 'A4', landscape: true, printBackground: true }))
    } finally {
      window.destroy()
      await fs.rm(dir, { recursive: true, force: true })
    }
  },
}
