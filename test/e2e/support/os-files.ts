import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'

export type DiskFile = { name: string; mime: string; bytes: Buffer }

/** A real PNG of the given size, as a camera or design tool would leave on disk. */
export async function pngFile(name: string, width: number, height: number, rgb: [number, number, number]): Promise<DiskFile> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer()
  return { name, mime: 'image/png', bytes }
}

/**
 * Drops files on a target the way the OS file manager does: a synthesized DataTransfer of real `File`s,
 * with the dragenter → dragover → drop sequence a browser fires.
 */
export async function dropFiles(page: Page, target: Locator, files: DiskFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, mime: f.mime, base64: f.bytes.toString('base64') }))
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer()
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))
      transfer.items.add(new File([bytes], item.name, { type: item.mime }))
    }
    return transfer
  }, payload)
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer })
  await dataTransfer.dispose()
}
