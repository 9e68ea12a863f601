/**
 * Turns a self-contained HTML page into PDF bytes. Electron prints with `webContents.printToPDF`; the browser
 * harness and the CLI with headless Chromium's `page.pdf()`. Both print A4 landscape with backgrounds.
 */
export interface PdfPrinter {
  printHtml(html: string): Promise<Uint8Array>
}

export const pdfPage = { format: 'A4', landscape: true, printBackground: true } as const
