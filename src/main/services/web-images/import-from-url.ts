import { isAppErrorException } from '../../../shared/errors'
import type { ImportOutcome } from '../images/import-images'
import { downloadImage, type DownloadOptions } from './download-image'

type Importer = { importBytes(name: string, bytes: Uint8Array): Promise<ImportOutcome> }

/** A failed download is one refused import, reported like a refused file, so the drop target says why. */
export async function importFromUrl(session: Importer, url: string, options: DownloadOptions): Promise<ImportOutcome> {
  try {
    const image = await downloadImage(url, options)
    return await session.importBytes(image.name, image.bytes)
  } catch (cause) {
    if (!isAppErrorException(cause)) throw cause
    return { assets: [], rejected: [{ name: url.slice(0, 200), error: cause.error }] }
  }
}
