import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { nodeDurableFs, writeFileAtomic, type DurableFs } from '../project/atomic-write'
import { assetFileName, requirePathInsideProject, thumbnailFileName } from '../project/project-folder'

export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * Stores an image and its thumbnail under their content hash. Content-addressed names mean the same
 * bytes are stored once, and a file already present with the right size is left alone.
 */
export async function storeAssetFiles(
  dir: string,
  asset: { id: string; mime: 'image/png' | 'image/jpeg' },
  bytes: Uint8Array,
  thumbnail: Uint8Array,
  disk: DurableFs = nodeDurableFs,
): Promise<void> {
  const original = requirePathInsideProject(dir, 'assets', assetFileName(asset.id, asset.mime))
  const thumb = requirePathInsideProject(dir, 'thumbs', thumbnailFileName(asset.id))
  const written: string[] = []
  try {
    for (const [target, data, size] of [[original, bytes, bytes.byteLength], [thumb, thumbnail, null]] as const) {
      if (await isRegularFileOfSize(target, size)) continue
      await writeFileAtomic(target, data, disk)
      written.push(target)
    }
  } catch (cause) {
    // A refused import leaves the folder as it was: no image without its thumbnail, or the other way round.
    for (const target of written) await fs.rm(target, { force: true }).catch(() => undefined)
    throw cause
  }
}

/** lstat, not stat: a symlink planted in the project is replaced by the rename, never written through. */
async function isRegularFileOfSize(filePath: string, size: number | null): Promise<boolean> {
  const stat = await fs.lstat(filePath).catch(() => null)
  return stat !== null && stat.isFile() && stat.size > 0 && (size === null || stat.size === size)
}
