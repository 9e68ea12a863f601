import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { realFolder } from '../disk/contained-file'
import { nodeDurableFs, writeFileAtomic, type DurableFs } from '../disk/atomic-write'
import { assetFileName, requirePathInsideProject, thumbnailFileName } from '../disk/project-folder'
import { yieldToEventLoop } from '../yield-to-event-loop'

const HASH_SLICE_BYTES = 512 * 1024

/**
 * The SHA-256 that names an asset, in slices with a turn of the event loop between them: hashing a large photo in
 * one piece would hold up the main process.
 */
export async function contentHashInSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let start = 0; start < bytes.byteLength; start += HASH_SLICE_BYTES) {
    if (start > 0) await yieldToEventLoop()
    hash.update(bytes.subarray(start, start + HASH_SLICE_BYTES))
  }
  return hash.digest('hex')
}

/** The file a user chose, kept beside the converted asset: `assets/originals/<sha256>.<ext>`. */
export const ORIGINALS_FOLDER = 'originals'
export type OriginalFile = { fileName: string; bytes: Uint8Array }

/**
 * Stores an image, its thumbnail and (for a converted image) the file as chosen, each under a content hash.
 * Content-addressed names mean the same bytes are stored once, and a file already present with the right
 * size is left alone.
 */
export async function storeAssetFiles(
  dir: string,
  asset: { id: string; mime: 'image/png' | 'image/jpeg' },
  bytes: Uint8Array,
  thumbnail: Uint8Array,
  disk: DurableFs = nodeDurableFs,
  original: OriginalFile | null = null,
): Promise<void> {
  const files: [string, Uint8Array, number | null][] = [
    [requirePathInsideProject(dir, 'assets', assetFileName(asset.id, asset.mime)), bytes, bytes.byteLength],
    [requirePathInsideProject(dir, 'thumbs', thumbnailFileName(asset.id)), thumbnail, null],
  ]
  if (original) files.unshift([path.join(await originalsFolder(dir), original.fileName), original.bytes, original.bytes.byteLength])
  const written: string[] = []
  try {
    for (const [target, data, size] of files) {
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

/** Made on first use; a link or a file in its place is refused, as for the project's other folders. */
const originalsFolder = (dir: string): Promise<string> => realFolder(dir, requirePathInsideProject(dir, 'assets', ORIGINALS_FOLDER), { create: true })

/** lstat, not stat: a symlink planted in the project is replaced by the rename, never written through. */
async function isRegularFileOfSize(filePath: string, size: number | null): Promise<boolean> {
  const stat = await fs.lstat(filePath).catch(() => null)
  return stat !== null && stat.isFile() && stat.size > 0 && (size === null || stat.size === size)
}
